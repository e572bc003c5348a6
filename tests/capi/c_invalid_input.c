/*
 * Every exported function with NULL arguments and with invalid input, each
 * checked for its error code (C99). The symbol test (check_symbols.cmake)
 * fails when an exported function is not named in this file.
 *
 *   yr_capi_c_invalid_input
 */
#include <limits.h>

#include "check.h"

static const char *const person = "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\"}";

/* Replaces the first `from` after `anchor` in text by `to`; the caller frees. */
static char *replaced(const char *text, const char *anchor, const char *from, const char *to) {
    const char *after = strstr(text, anchor);
    const char *at = after != NULL ? strstr(after, from) : NULL;
    size_t head, size;
    char *out;
    if (at == NULL) return NULL;
    head = (size_t)(at - text);
    size = strlen(text) - strlen(from) + strlen(to);
    out = (char *)malloc(size + 1);
    if (out == NULL) return NULL;
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

/* Constants compiled into callers are part of the ABI, and abidiff does not
 * see them: they must never change. */
static void stable_constants(void) {
    CHECK(YR_OK == 0);
    CHECK(YR_EINVALID == -1);
    CHECK(YR_ENOMEM == -2);
    CHECK(YR_EINTERNAL == -3);
    CHECK(YR_ENOTFOUND == -4);
    CHECK(YR_EPARSE == -5);
    CHECK(YR_ELIMIT == -6);
    CHECK(YR_EFORMAT == -7);
    CHECK(YR_EREFERENCE == -8);
    CHECK(YR_ERULES == -9);
    CHECK(YR_ECONFLICT == -10);
    CHECK(YR_ENOTMET == -11);
    CHECK(YR_LANGUAGE_SV == 0);
    CHECK(YR_LANGUAGE_EN == 1);
    CHECK(YR_RULE_BOOK_MARKDOWN == 0);
    CHECK(YR_RULE_BOOK_HTML == 1);
    CHECK(YR_STRUCT_ERROR == 1 && YR_STRUCT_DATE == 2 && YR_STRUCT_EVALUATE_OPTIONS == 3);
    CHECK(YR_STRUCT_CERTIFICATE_OPTIONS == 4 && YR_STRUCT_CREDENTIAL_OPTIONS == 5);
    CHECK(YR_EVALUATE_OPTIONS_VERSION >= 1);
    CHECK(YR_CERTIFICATE_OPTIONS_VERSION >= 1);
    CHECK(YR_ABI_VERSION == 1);
    CHECK(YR_VERSION_NUMBER == YR_VERSION_MAJOR * 10000 + YR_VERSION_MINOR * 100 + YR_VERSION_PATCH);
}

static void versions_and_errors(void) {
    int codes[] = {YR_OK,        YR_EINVALID, YR_ENOMEM, YR_EINTERNAL, YR_ENOTFOUND, YR_EPARSE,
                   YR_ELIMIT,    YR_EFORMAT,  YR_EREFERENCE, YR_ERULES, YR_ECONFLICT, YR_ENOTMET};
    size_t i, j;
    /* No arguments to get wrong; they never fail. */
    CHECK(yr_version_number() == YR_VERSION_NUMBER);
    CHECK(yr_version_string() != NULL);
    CHECK(yr_abi_version() == YR_ABI_VERSION);
    /* yr_error_string: every code has its own text; others get a fallback. */
    for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) {
        CHECK(yr_error_string(codes[i]) != NULL);
        CHECK(strcmp(yr_error_string(codes[i]), "unknown error code") != 0);
        for (j = 0; j < i; ++j) CHECK(strcmp(yr_error_string(codes[i]), yr_error_string(codes[j])) != 0);
    }
    CHECK_STR(yr_error_string(-1000), "unknown error code");
    CHECK_STR(yr_error_string(1), "unknown error code");
    CHECK_STR(yr_error_string(INT_MIN), "unknown error code");
    /* yr_error_last never returns NULL; yr_error_clear resets it. */
    CHECK_CODE(yr_program_list(NULL), YR_EINVALID);
    CHECK_STR(yr_error_last()->kind, "invalid_argument");
    yr_error_clear();
    CHECK(yr_error_last() != NULL && yr_error_last()->code == YR_OK);
    CHECK_STR(yr_error_last()->message, "");
    CHECK_STR(yr_error_last()->path, "");
    /* Frees accept NULL and leave the last error alone. */
    CHECK_CODE(yr_program_list(NULL), YR_EINVALID);
    yr_string_free(NULL);
    yr_program_free(NULL);
    CHECK(yr_error_last()->code == YR_EINVALID);
}

static void program_list(void) {
    char *list = NULL;
    CHECK_CODE(yr_program_list(NULL), YR_EINVALID);
    CHECK_CODE(yr_program_list(&list), YR_OK);
    CHECK(list != NULL && list[0] == '[');
    yr_string_free(list);
}

static void vocabularies(void) {
    char *list = NULL;
    CHECK_CODE(yr_vocabularies(NULL), YR_EINVALID);
    CHECK_CODE(yr_vocabularies(&list), YR_OK);
    CHECK(list != NULL && strstr(list, "\"roles\":[\"EC\",\"1:e\",\"FA\",\"AD\",\"SJ\",\"EJ\"]") != NULL);
    yr_string_free(list);
}

static void program_load(void) {
    yr_program *p = (yr_program *)&p; /* not NULL: the call must clear it */
    const char *broken[1] = {"{"};
    const char *nulls[2] = {"{}", NULL};
    const char *not_an_overlay[1] = {"{\"format\": 1}"};
    const char *unknown_item[1] = {
        "{\"format\": 1, \"overlay\": \"x\", \"level\": \"municipality\", \"program\": \"gr-barn-unga\","
        " \"set_responsible\": {\"no-such-item\": [\"EC\"]}}"};

    CHECK_CODE(yr_program_load(NULL, NULL, 0, &p), YR_EINVALID);
    CHECK(p == NULL);
    CHECK_STR(yr_error_last()->kind, "invalid_argument");
    CHECK(strstr(yr_error_last()->message, "builtin_id") != NULL);
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, NULL), YR_EINVALID);
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 1, &p), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "overlays") != NULL);
    CHECK_CODE(yr_program_load("gr-barn-unga", nulls, 2, &p), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "overlays[1]") != NULL);
    CHECK_CODE(yr_program_load("no-such-program", NULL, 0, &p), YR_ENOTFOUND);
    CHECK_STR(yr_error_last()->kind, "not_found");
    CHECK_CODE(yr_program_load("", NULL, 0, &p), YR_ENOTFOUND);
    CHECK_CODE(yr_program_load("gr-barn-unga", broken, 1, &p), YR_EPARSE);
    CHECK_STR(yr_error_last()->kind, "parse_error");
    CHECK(strncmp(yr_error_last()->message, "overlays[0]: ", 13) == 0);
    CHECK_CODE(yr_program_load("gr-barn-unga", not_an_overlay, 1, &p), YR_EFORMAT);
    CHECK_CODE(yr_program_load("gr-barn-unga", unknown_item, 1, &p), YR_EREFERENCE);
    CHECK_STR(yr_error_last()->kind, "unknown_reference");
    CHECK(strstr(yr_error_last()->path, "no-such-item") != NULL);
    CHECK(p == NULL);
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &p), YR_OK);
    CHECK(p != NULL);
    yr_program_free(p);
}

static void program_load_json(void) {
    yr_program *gr = NULL;
    yr_program *p = (yr_program *)&p;
    char *gap = NULL;
    char *deep;
    size_t i;
    const char *nulls[1] = {NULL};

    CHECK_CODE(yr_program_load_json(NULL, NULL, 0, &p), YR_EINVALID);
    CHECK(p == NULL);
    CHECK_CODE(yr_program_load_json("{}", NULL, 0, NULL), YR_EINVALID);
    CHECK_CODE(yr_program_load_json("{}", NULL, 3, &p), YR_EINVALID);
    CHECK_CODE(yr_program_load_json("{}", nulls, 1, &p), YR_EINVALID);
    CHECK_CODE(yr_program_load_json("", NULL, 0, &p), YR_EPARSE);
    CHECK_CODE(yr_program_load_json("not json", NULL, 0, &p), YR_EPARSE);
    CHECK_CODE(yr_program_load_json("{\"a\": 1, \"a\": 2}", NULL, 0, &p), YR_EPARSE);
    CHECK_CODE(yr_program_load_json("[]", NULL, 0, &p), YR_EFORMAT);
    CHECK_CODE(yr_program_load_json("{}", NULL, 0, &p), YR_EFORMAT);
    /* Validated whole: every problem is listed. */
    CHECK(yr_error_last()->problems[0] == '[' && strstr(yr_error_last()->problems, "\"path\"") != NULL);

    /* Nested deeper than any format of ours. */
    deep = (char *)malloc(2 * 1000 + 1);
    for (i = 0; i < 1000; ++i) {
        deep[i] = '[';
        deep[1000 + i] = ']';
    }
    deep[2000] = '\0';
    CHECK_CODE(yr_program_load_json(deep, NULL, 0, &p), YR_ELIMIT);
    CHECK_STR(yr_error_last()->kind, "limit_exceeded");
    free(deep);

    /* A definition whose phases leave a gap: the rules do not hold together. */
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    gap = replaced(yr_program_definition(gr), "\"phases\":", "\"to_months\":24", "\"to_months\":23");
    CHECK(gap != NULL);
    if (gap != NULL) CHECK_CODE(yr_program_load_json(gap, NULL, 0, &p), YR_ERULES);
    CHECK(p == NULL);
    free(gap);
    yr_program_free(gr);
}

static void program_getters(void) {
    yr_program *gr = NULL;
    yr_error_clear();
    CHECK(yr_program_id(NULL) == NULL);
    CHECK(yr_error_last()->code == YR_EINVALID);
    yr_error_clear();
    CHECK(yr_program_version(NULL) == NULL);
    CHECK(yr_error_last()->code == YR_EINVALID);
    yr_error_clear();
    CHECK(yr_program_definition(NULL) == NULL);
    CHECK(yr_error_last()->code == YR_EINVALID);
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK(yr_program_id(gr) != NULL && yr_error_last()->code == YR_OK);
    CHECK(yr_program_version(gr) != NULL && yr_error_last()->code == YR_OK);
    CHECK(yr_program_definition(gr) != NULL && yr_error_last()->code == YR_OK);
    yr_program_free(gr);
}

static void program_rule_book(void) {
    yr_program *gr = NULL;
    char *out = (char *)"not NULL";
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_program_rule_book(NULL, YR_RULE_BOOK_MARKDOWN, &out), YR_EINVALID);
    CHECK(out == NULL);
    CHECK_CODE(yr_program_rule_book(gr, YR_RULE_BOOK_HTML, NULL), YR_EINVALID);
    CHECK_CODE(yr_program_rule_book(gr, 2, &out), YR_EINVALID);
    CHECK_STR(yr_error_last()->kind, "invalid_argument");
    CHECK(out == NULL);
    CHECK_CODE(yr_program_rule_book(gr, -1, &out), YR_EINVALID);
    CHECK_CODE(yr_program_rule_book(gr, YR_RULE_BOOK_MARKDOWN, &out), YR_OK);
    CHECK(out != NULL && out[0] == '#');
    yr_string_free(out);
    yr_program_free(gr);
}

static void options_init(void) {
    yr_evaluate_options options = {99, 99};
    CHECK_CODE(yr_evaluate_options_init(NULL, YR_EVALUATE_OPTIONS_VERSION), YR_EINVALID);
    CHECK_CODE(yr_evaluate_options_init(&options, 0), YR_EINVALID);
    CHECK_CODE(yr_evaluate_options_init(&options, YR_EVALUATE_OPTIONS_VERSION + 1), YR_EINVALID);
    CHECK(options.version == 99); /* untouched on failure */
    CHECK_CODE(yr_evaluate_options_init(&options, YR_EVALUATE_OPTIONS_VERSION), YR_OK);
    CHECK(options.version == YR_EVALUATE_OPTIONS_VERSION && options.language == YR_LANGUAGE_SV);
}

static void evaluate(void) {
    yr_program *gr = NULL;
    char *out = (char *)&out; /* not NULL: the call must clear it */
    yr_evaluate_options bad_version = {0, YR_LANGUAGE_SV};
    yr_evaluate_options future_version = {YR_EVALUATE_OPTIONS_VERSION + 1, YR_LANGUAGE_SV};
    yr_evaluate_options bad_language = {YR_EVALUATE_OPTIONS_VERSION, 7};
    const char *bad_dates[] = {"", "2026-02-30", "2026-2-01", "2026-02-01T00:00", "20260201", "0000-01-01", "x"};
    size_t i;

    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);

    CHECK_CODE(yr_evaluate(NULL, person, "2026-02-01", NULL, &out), YR_EINVALID);
    CHECK(out == NULL);
    CHECK(strstr(yr_error_last()->message, "program") != NULL);
    CHECK_CODE(yr_evaluate(gr, NULL, "2026-02-01", NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "person_json") != NULL);
    CHECK_CODE(yr_evaluate(gr, person, NULL, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "as_of") != NULL);
    CHECK_CODE(yr_evaluate(gr, person, "2026-02-01", NULL, NULL), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "out_json") != NULL);
    for (i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; ++i) {
        CHECK_CODE(yr_evaluate(gr, person, bad_dates[i], NULL, &out), YR_EINVALID);
        CHECK_STR(yr_error_last()->kind, "invalid_date");
    }
    CHECK_CODE(yr_evaluate(gr, person, "2026-02-01", &bad_version, &out), YR_EINVALID);
    CHECK_CODE(yr_evaluate(gr, person, "2026-02-01", &future_version, &out), YR_EINVALID);
    CHECK_CODE(yr_evaluate(gr, person, "2026-02-01", &bad_language, &out), YR_EINVALID);

    /* Invalid person records: the path points at the offending value. */
    CHECK_CODE(yr_evaluate(gr, "", "2026-02-01", NULL, &out), YR_EPARSE);
    CHECK_CODE(yr_evaluate(gr, "{\"id\": ", "2026-02-01", NULL, &out), YR_EPARSE);
    CHECK_CODE(yr_evaluate(gr, "\xff\xfe", "2026-02-01", NULL, &out), YR_EPARSE);
    CHECK_CODE(yr_evaluate(gr, "[]", "2026-02-01", NULL, &out), YR_EFORMAT);
    CHECK_CODE(yr_evaluate(gr, "{}", "2026-02-01", NULL, &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->kind, "missing_field");
    CHECK_CODE(yr_evaluate(gr,
                           "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\","
                           " \"colour\": \"blue\"}",
                           "2026-02-01", NULL, &out),
               YR_EFORMAT);
    CHECK_STR(yr_error_last()->kind, "unknown_field");
    CHECK_STR(yr_error_last()->path, "/colour");
    CHECK_CODE(yr_evaluate(gr, "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-02-30\"}",
                           "2026-02-01", NULL, &out),
               YR_EFORMAT);
    CHECK_STR(yr_error_last()->kind, "invalid_date");
    CHECK_STR(yr_error_last()->path, "/employment_start");
    CHECK_CODE(yr_evaluate(gr,
                           "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\","
                           " \"events\": [{\"type\": \"session_attended\", \"component\": \"introduktionsprogram\", \"date\": \"2026-01-20\"}]}",
                           "2026-02-01", NULL, &out),
               YR_EREFERENCE);
    CHECK_STR(yr_error_last()->path, "/events/0/component");
    CHECK_CODE(yr_evaluate(gr,
                           "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\","
                           " \"events\": [{\"type\": \"item_done\", \"item\": \"valkomstbrev\", \"date\": \"2026-03-01\"}]}",
                           "2026-02-01", NULL, &out),
               YR_ECONFLICT);
    CHECK(out == NULL);
    CHECK_CODE(yr_evaluate(gr, person, "2026-02-01", NULL, &out), YR_OK);
    CHECK(out != NULL);
    yr_string_free(out);
    yr_program_free(gr);
}

static void evaluate_ymd(void) {
    yr_program *gr = NULL;
    char *out = (char *)&out;
    yr_date good = {2026, 2, 1};
    yr_date bad_dates[] = {{2026, 2, 30}, {2026, 0, 1}, {2026, 13, 1}, {2026, 1, 0}, {0, 0, 0},
                           {INT_MAX, 1, 1}, {INT_MIN, INT_MIN, INT_MIN}, {2026, 1, INT_MAX}};
    yr_evaluate_options bad_version = {0, YR_LANGUAGE_SV};
    size_t i;

    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_evaluate_ymd(NULL, person, &good, NULL, &out), YR_EINVALID);
    CHECK(out == NULL);
    CHECK_CODE(yr_evaluate_ymd(gr, NULL, &good, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_evaluate_ymd(gr, person, NULL, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "as_of") != NULL);
    CHECK_CODE(yr_evaluate_ymd(gr, person, &good, NULL, NULL), YR_EINVALID);
    CHECK_CODE(yr_evaluate_ymd(gr, person, &good, &bad_version, &out), YR_EINVALID);
    for (i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; ++i) {
        CHECK_CODE(yr_evaluate_ymd(gr, person, &bad_dates[i], NULL, &out), YR_EINVALID);
        CHECK_STR(yr_error_last()->kind, "invalid_date");
    }
    CHECK_CODE(yr_evaluate_ymd(gr, "{", &good, NULL, &out), YR_EPARSE);
    CHECK_CODE(yr_evaluate_ymd(gr, person, &good, NULL, &out), YR_OK);
    yr_string_free(out);
    yr_program_free(gr);
}

static void certificate_options_init(void) {
    yr_certificate_options options = {99, "x"};
    CHECK_CODE(yr_certificate_options_init(NULL, YR_CERTIFICATE_OPTIONS_VERSION), YR_EINVALID);
    CHECK_CODE(yr_certificate_options_init(&options, 0), YR_EINVALID);
    CHECK_CODE(yr_certificate_options_init(&options, YR_CERTIFICATE_OPTIONS_VERSION + 1), YR_EINVALID);
    CHECK(options.version == 99); /* untouched on failure */
    CHECK_CODE(yr_certificate_options_init(&options, YR_CERTIFICATE_OPTIONS_VERSION), YR_OK);
    CHECK(options.version == YR_CERTIFICATE_OPTIONS_VERSION && options.issuer == NULL);
}

static void certificate_issue(void) {
    yr_program *gr = NULL;
    char *out = (char *)&out;
    const char *c = "introduktionsprogram";
    yr_certificate_options bad_version = {0, NULL};
    yr_certificate_options future_version = {YR_CERTIFICATE_OPTIONS_VERSION + 1, NULL};

    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_certificate_issue(NULL, person, "2026-02-01", c, NULL, &out), YR_EINVALID);
    CHECK(out == NULL);
    CHECK(strstr(yr_error_last()->message, "program") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, NULL, "2026-02-01", c, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "person_json") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, person, NULL, c, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "as_of") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", NULL, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "component") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", c, NULL, NULL), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "out_json") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-30", c, NULL, &out), YR_EINVALID);
    CHECK_STR(yr_error_last()->kind, "invalid_date");
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", c, &bad_version, &out), YR_EINVALID);
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", c, &future_version, &out), YR_EINVALID);
    CHECK_CODE(yr_certificate_issue(gr, "{", "2026-02-01", c, NULL, &out), YR_EPARSE);
    CHECK_CODE(yr_certificate_issue(gr, "{}", "2026-02-01", c, NULL, &out), YR_EFORMAT);
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", "no-such-component", NULL, &out), YR_EREFERENCE);
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", "", NULL, &out), YR_EREFERENCE);
    /* Nothing attended yet: every missing requirement is listed. */
    CHECK_CODE(yr_certificate_issue(gr, person, "2026-02-01", c, NULL, &out), YR_ENOTMET);
    CHECK_STR(yr_error_last()->kind, "requirements_not_met");
    CHECK(strstr(yr_error_last()->problems, "},{") != NULL);
    CHECK_CODE(yr_certificate_issue(gr,
                                    "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\","
                                    " \"events\": [{\"type\": \"module_attended\", \"module\": \"m1\", \"date\": \"2026-03-01\"}]}",
                                    "2026-02-01", c, NULL, &out),
               YR_ECONFLICT);
    CHECK(out == NULL);
    yr_program_free(gr);
}

static void credentials(void) {
    unsigned char seed[32] = {0};
    yr_signing_key *key = (yr_signing_key *)&key;
    yr_program *gr = NULL;
    char *out = (char *)&out;
    yr_credential_options options = {99, "x", "x", "x", "x", "x", "x"};
    yr_credential_options bad_version = {0, NULL, NULL, NULL, NULL, NULL, NULL};
    const char *c = "introduktionsprogram";
    const char *id = "https://www.kungalv.se/socialtjansten";
    const char *trusted = "{\"issuers\": []}";

    CHECK_CODE(yr_signing_key_from_seed(NULL, 32, &key), YR_EINVALID);
    CHECK(key == NULL);
    CHECK_CODE(yr_signing_key_from_seed(seed, 31, &key), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "seed_size") != NULL);
    CHECK_CODE(yr_signing_key_from_seed(seed, 32, NULL), YR_EINVALID);
    CHECK_CODE(yr_signing_key_from_multibase(NULL, &key), YR_EINVALID);
    CHECK_CODE(yr_signing_key_from_multibase("z3u2-not-a-key", &key), YR_EFORMAT);
    CHECK(strstr(yr_error_last()->message, "not-a-key") == NULL); /* never repeats a key */
    CHECK_CODE(yr_signing_key_from_multibase("z", NULL), YR_EINVALID);
    CHECK_CODE(yr_signing_key_generate(NULL), YR_EINVALID);
    yr_signing_key_free(NULL);
    CHECK(yr_signing_key_public_multibase(NULL) == NULL);
    CHECK(yr_error_last()->code == YR_EINVALID);
    CHECK(yr_signing_key_verification_method(NULL) == NULL);
    CHECK_CODE(yr_signing_key_private_multibase(NULL, &out), YR_EINVALID);
    CHECK(out == NULL);

    CHECK_CODE(yr_credential_options_init(NULL, YR_CREDENTIAL_OPTIONS_VERSION), YR_EINVALID);
    CHECK_CODE(yr_credential_options_init(&options, 0), YR_EINVALID);
    CHECK_CODE(yr_credential_options_init(&options, YR_CREDENTIAL_OPTIONS_VERSION + 1), YR_EINVALID);
    CHECK_CODE(yr_credential_options_init(&options, YR_CREDENTIAL_OPTIONS_VERSION), YR_OK);
    CHECK(options.version == YR_CREDENTIAL_OPTIONS_VERSION && options.issuer_url == NULL && options.organisation == NULL);

    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_signing_key_from_seed(seed, 32, &key), YR_OK);
    CHECK_CODE(yr_credential_issue(NULL, person, "2026-02-01", c, id, "K", key, NULL, &out), YR_EINVALID);
    CHECK(out == NULL);
    CHECK_CODE(yr_credential_issue(gr, NULL, "2026-02-01", c, id, "K", key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, person, NULL, c, id, "K", key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-30", c, id, "K", key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", NULL, id, "K", key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", c, NULL, "K", key, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "issuer_id") != NULL);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", c, id, NULL, key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", c, id, "K", NULL, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "key") != NULL);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", c, id, "K", key, &bad_version, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", c, id, "K", key, NULL, NULL), YR_EINVALID);
    CHECK_CODE(yr_credential_issue(gr, "{", "2026-02-01", c, id, "K", key, NULL, &out), YR_EPARSE);
    CHECK_CODE(yr_credential_issue(gr, person, "2026-02-01", c, id, "K", key, NULL, &out), YR_ENOTMET);
    CHECK(out == NULL);

    CHECK_CODE(yr_credential_verify(NULL, trusted, "2026-11-22T10:00:00Z", &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify("{}", NULL, "2026-11-22T10:00:00Z", &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify("{}", trusted, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify("{}", trusted, "2026-11-22T10:00:00Z", NULL), YR_EINVALID);
    CHECK_CODE(yr_credential_verify("{}", trusted, "2026-11-22", &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "now") != NULL);
    CHECK_CODE(yr_credential_verify("{}", "{", "2026-11-22T10:00:00Z", &out), YR_EPARSE);
    CHECK_CODE(yr_credential_verify("{}", "{\"issuers\": [{\"id\": 1, \"keys\": []}]}", "2026-11-22T10:00:00Z", &out),
               YR_EFORMAT);
    CHECK_STR(yr_error_last()->path, "/issuers/0/id");
    CHECK(out == NULL);
    /* A bad credential is a status, not an error. */
    CHECK_CODE(yr_credential_verify("{", trusted, "2026-11-22T10:00:00Z", &out), YR_OK);
    CHECK(out != NULL && strstr(out, "\"status\":\"malformed\"") != NULL);
    yr_string_free(out);

    CHECK_CODE(yr_certificate_html(NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_certificate_html("{}", NULL), YR_EINVALID);
    CHECK_CODE(yr_certificate_html("{", &out), YR_EPARSE);
    CHECK_CODE(yr_certificate_html("{}", &out), YR_EFORMAT);
    CHECK(out == NULL);
    CHECK_CODE(yr_json_canonicalize(NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_json_canonicalize("{}", NULL), YR_EINVALID);
    CHECK_CODE(yr_json_canonicalize("{\"a\":1,\"a\":2}", &out), YR_EPARSE);
    CHECK(out == NULL);

    /* Issuer identity and revocation. */
    CHECK_CODE(yr_did_web_from_url(NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_did_web_from_url("https://www.ale.se", NULL), YR_EINVALID);
    CHECK_CODE(yr_did_web_from_url("http://www.ale.se", &out), YR_EFORMAT);
    CHECK(out == NULL);
    CHECK_CODE(yr_did_document(NULL, "[]", &out), YR_EINVALID);
    CHECK_CODE(yr_did_document("did:web:www.ale.se", NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_did_document("did:web:www.ale.se", "[]", NULL), YR_EINVALID);
    CHECK_CODE(yr_did_document("did:web:www.ale.se", "[", &out), YR_EPARSE);
    CHECK_CODE(yr_did_document("did:web:www.ale.se", "[1]", &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->path, "/0");
    CHECK_CODE(yr_did_document("did:web:www.ale.se", "[]", &out), YR_EFORMAT);
    CHECK(out == NULL);
    CHECK_CODE(yr_status_list_create(NULL, "did:web:www.ale.se", "Ale", key, "2026-11-01T00:00:00Z", &out), YR_EINVALID);
    CHECK_CODE(yr_status_list_create("https://www.ale.se/s/1", NULL, "Ale", key, "2026-11-01T00:00:00Z", &out), YR_EINVALID);
    CHECK_CODE(yr_status_list_create("https://www.ale.se/s/1", "did:web:www.ale.se", NULL, key, "2026-11-01T00:00:00Z", &out),
               YR_EINVALID);
    CHECK_CODE(yr_status_list_create("https://www.ale.se/s/1", "did:web:www.ale.se", "Ale", NULL, "2026-11-01T00:00:00Z", &out),
               YR_EINVALID);
    CHECK_CODE(yr_status_list_create("https://www.ale.se/s/1", "did:web:www.ale.se", "Ale", key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_status_list_create("https://www.ale.se/s/1", "did:web:www.ale.se", "Ale", key, "2026-11-01T00:00:00Z", NULL),
               YR_EINVALID);
    CHECK_CODE(yr_status_list_create("https://www.ale.se/s/1", "did:web:www.ale.se", "Ale", key, "2026-11-01", &out),
               YR_EFORMAT);
    CHECK(out == NULL);
    CHECK_CODE(yr_status_list_revoke(NULL, 1, key, "2026-11-01T00:00:00Z", &out), YR_EINVALID);
    CHECK_CODE(yr_status_list_revoke("{}", 1, NULL, "2026-11-01T00:00:00Z", &out), YR_EINVALID);
    CHECK_CODE(yr_status_list_revoke("{}", 1, key, NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_status_list_revoke("{}", 1, key, "2026-11-01T00:00:00Z", NULL), YR_EINVALID);
    CHECK_CODE(yr_status_list_revoke("{", 1, key, "2026-11-01T00:00:00Z", &out), YR_EPARSE);
    CHECK_CODE(yr_status_list_revoke("{}", 1, key, "2026-11-01T00:00:00Z", &out), YR_EFORMAT);
    CHECK(out == NULL);
    CHECK_CODE(yr_credential_verify_status(NULL, trusted, "2026-11-22T10:00:00Z", "[]", &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify_status("{}", NULL, "2026-11-22T10:00:00Z", "[]", &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify_status("{}", trusted, NULL, "[]", &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify_status("{}", trusted, "2026-11-22T10:00:00Z", NULL, &out), YR_EINVALID);
    CHECK_CODE(yr_credential_verify_status("{}", trusted, "2026-11-22T10:00:00Z", "[]", NULL), YR_EINVALID);
    CHECK_CODE(yr_credential_verify_status("{}", trusted, "2026-11-22T10:00:00Z", "{}", &out), YR_EFORMAT);
    CHECK_CODE(yr_credential_verify_status("{}", trusted, "2026-11-22T10:00:00Z", "[\"x\"]", &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->path, "/0");
    CHECK(out == NULL);
    CHECK_CODE(yr_credential_verify_status("{", trusted, "2026-11-22T10:00:00Z", "[]", &out), YR_OK);
    CHECK(out != NULL && strstr(out, "\"status\":\"malformed\"") != NULL);
    yr_string_free(out);
    yr_signing_key_free(key);
    yr_program_free(gr);
}

static void coordinate(void) {
    /* Two newcomers in their supervision window and one mentor adept: too few
     * for a group of 6, no mentor offered. */
    const char *request =
        "{\"as_of\": \"2026-12-01\", \"term\": {\"from\": \"2027-01-01\", \"to\": \"2027-06-30\"},"
        " \"persons\": [{\"id\": \"p-1\", \"municipality\": \"ale\", \"employment_start\": \"2025-06-01\"},"
        "                {\"id\": \"p-2\", \"municipality\": \"kungalv\", \"employment_start\": \"2025-06-01\"},"
        "                {\"id\": \"p-3\", \"municipality\": \"kungalv\", \"employment_start\": \"2024-06-01\"}],"
        " \"mentors\": [{\"id\": \"m-1\", \"municipality\": \"ale\", \"profession_start\": \"2010-01-01\"}]}";
    char *bad;
    char *out = (char *)"untouched";
    yr_program *gr = NULL;

    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_coordinate(NULL, request, &out), YR_EINVALID);
    CHECK(out == NULL);
    CHECK(strstr(yr_error_last()->message, "program") != NULL);
    CHECK_CODE(yr_coordinate(gr, NULL, &out), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "request_json") != NULL);
    CHECK_CODE(yr_coordinate(gr, request, NULL), YR_EINVALID);
    CHECK(strstr(yr_error_last()->message, "out_json") != NULL);
    CHECK_CODE(yr_coordinate(gr, "{", &out), YR_EPARSE);
    CHECK_CODE(yr_coordinate(gr, "[]", &out), YR_EFORMAT);
    CHECK_CODE(yr_coordinate(gr, "{}", &out), YR_EFORMAT);
    CHECK(strstr(yr_error_last()->problems, "},{") != NULL); /* as_of, term and persons all missing */
    /* A record's error points into the request. */
    bad = replaced(request, "p-2", "2025-06-01", "2025-06-31");
    CHECK(bad != NULL);
    CHECK_CODE(yr_coordinate(gr, bad, &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->path, "/persons/1/employment_start");
    CHECK(out == NULL);
    free(bad);
    bad = replaced(request, "\"p-3\"", "p-3", "p-1");
    CHECK(bad != NULL);
    CHECK_CODE(yr_coordinate(gr, bad, &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->kind, "duplicate_id");
    CHECK_STR(yr_error_last()->path, "/persons/2/id");
    free(bad);
    bad = replaced(request, "\"term\"", "2027-06-30", "2026-06-30");
    CHECK(bad != NULL);
    CHECK_CODE(yr_coordinate(gr, bad, &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->kind, "reversed_period");
    free(bad);

    CHECK_CODE(yr_coordinate(gr, request, &out), YR_OK);
    CHECK(out != NULL && strstr(out, "\"reason\":\"too_few_people\"") != NULL);
    CHECK(out != NULL && strstr(out, "\"mentor_pairs\":1") != NULL);
    yr_string_free(out);
    yr_program_free(gr);
}

/* R7: groups for an annual activity whose program sets no size: the request
 * gives one, or the call fails with a typed error pointing at the entry. */
static void coordinate_annual(void) {
    const char *program =
        "{\"format\": 1, \"id\": \"lan-test\", \"version\": \"1\", \"valid_from\": \"2019-01-01\","
        " \"title\": \"T\", \"phases\": [{\"id\": \"m\", \"label\": \"M\", \"from_months\": 0}],"
        " \"checklists\": [{\"id\": \"c\", \"label\": \"C\", \"sections\": [{\"id\": \"s\", \"label\": \"S\","
        "   \"items\": [{\"id\": \"x\", \"label\": \"X\"}]}]}],"
        " \"components\": [{\"id\": \"yrkeshandledning\", \"kind\": \"annual\", \"label\": \"Y\","
        "   \"per_year\": 4, \"group\": {\"mix_municipalities\": true}}]}";
    /* Two from uppsala, two from tierp: two groups of two, each mixed. */
    const char *request =
        "{\"as_of\": \"2026-12-01\", \"term\": {\"from\": \"2027-01-01\", \"to\": \"2027-06-30\"},"
        " \"persons\": [{\"id\": \"p-1\", \"municipality\": \"uppsala\", \"employment_start\": \"2020-01-01\"},"
        "                {\"id\": \"p-2\", \"municipality\": \"uppsala\", \"employment_start\": \"2020-01-01\"},"
        "                {\"id\": \"p-3\", \"municipality\": \"tierp\", \"employment_start\": \"2020-01-01\"},"
        "                {\"id\": \"p-4\", \"municipality\": \"tierp\", \"employment_start\": \"2027-05-01\"}],"
        " \"annual_groups\": [{\"component\": \"yrkeshandledning\", \"group\": {\"min\": 2, \"max\": 2}}]}";
    char *bad;
    char *out = NULL;
    yr_program *lan = NULL;

    CHECK_CODE(yr_program_load_json(program, NULL, 0, &lan), YR_OK);
    CHECK_CODE(yr_coordinate(lan, request, &out), YR_OK);
    CHECK(out != NULL && strstr(out, "\"annual_groups\":2") != NULL);
    CHECK(out != NULL && strstr(out, "\"size_from\":\"request\"") != NULL);
    CHECK(out != NULL && strstr(out, "\"same_municipality_pairs\":0,\"pairs_lower_bound\":0") != NULL);
    yr_string_free(out);
    out = NULL;
    bad = replaced(request, "\"annual_groups\"", ", \"group\": {\"min\": 2, \"max\": 2}", "");
    CHECK(bad != NULL);
    CHECK_CODE(yr_coordinate(lan, bad, &out), YR_EFORMAT);
    CHECK_STR(yr_error_last()->kind, "missing_field");
    CHECK_STR(yr_error_last()->path, "/annual_groups/0/group");
    CHECK(out == NULL);
    free(bad);
    bad = replaced(request, "\"annual_groups\"", "yrkeshandledning", "handledning");
    CHECK(bad != NULL);
    CHECK_CODE(yr_coordinate(lan, bad, &out), YR_EREFERENCE);
    CHECK_STR(yr_error_last()->path, "/annual_groups/0/component");
    free(bad);
    yr_program_free(lan);
}

/* The *_r forms: the error comes back through out_error as a document
 * ({"code": N, "kind", ...}) and the thread's last error is left as it was
 * (here: a sentinel set before). */
#define CHECK_R(call, want)                                                                           \
    do {                                                                                              \
        char *err_ = NULL;                                                                            \
        char code_[32];                                                                               \
        int rc_;                                                                                      \
        rc_ = (call);                                                                                 \
        sprintf(code_, "{\"code\":%d,", (int)(want));                                                 \
        ++check_count;                                                                                \
        if (rc_ != (want) || err_ == NULL || strncmp(err_, code_, strlen(code_)) != 0 ||              \
            yr_error_last()->code != YR_ENOTFOUND) {                                                  \
            ++check_failures;                                                                         \
            fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d\n", __FILE__, __LINE__, #call, rc_, \
                    err_ ? err_ : "(no error document)", (int)(want));                                \
        }                                                                                             \
        yr_string_free(err_);                                                                         \
    } while (0)

#define ERR (&err_)

static void calls_r(void) {
    yr_program *gr = NULL, *p = (yr_program *)&p;
    yr_signing_key *key = NULL, *k = (yr_signing_key *)&k;
    char *out = (char *)&out;
    size_t size = 7;
    unsigned char seed[32] = {0};
    const size_t person_size = strlen(person);
    const size_t one = 2;
    const char *const overlays[] = {"{}"};
    const char *const null_overlay[] = {NULL};
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_signing_key_from_seed(seed, sizeof seed, &key), YR_OK);
    CHECK_CODE(yr_program_load("no-such-program", NULL, 0, &p), YR_ENOTFOUND); /* the sentinel */
    /* Sizes and versions of the structs: they never fail. */
    CHECK(yr_struct_size(YR_STRUCT_ERROR) == sizeof(yr_error));
    CHECK(yr_struct_size(YR_STRUCT_DATE) == sizeof(yr_date));
    CHECK(yr_struct_size(YR_STRUCT_EVALUATE_OPTIONS) == sizeof(yr_evaluate_options));
    CHECK(yr_struct_size(YR_STRUCT_CERTIFICATE_OPTIONS) == sizeof(yr_certificate_options));
    CHECK(yr_struct_size(YR_STRUCT_CREDENTIAL_OPTIONS) == sizeof(yr_credential_options));
    CHECK(yr_struct_size(0) == 0 && yr_struct_size(6) == 0 && yr_struct_size(-1) == 0);
    CHECK(yr_struct_version(YR_STRUCT_EVALUATE_OPTIONS) == YR_EVALUATE_OPTIONS_VERSION);
    CHECK(yr_struct_version(YR_STRUCT_CERTIFICATE_OPTIONS) == YR_CERTIFICATE_OPTIONS_VERSION);
    CHECK(yr_struct_version(YR_STRUCT_CREDENTIAL_OPTIONS) == YR_CREDENTIAL_OPTIONS_VERSION);
    CHECK(yr_struct_version(YR_STRUCT_ERROR) == 0 && yr_struct_version(YR_STRUCT_DATE) == 0);
    CHECK(yr_struct_version(99) == 0);
    CHECK(yr_error_last()->code == YR_ENOTFOUND);

    CHECK_R(yr_program_list_r(NULL, &size, ERR), YR_EINVALID);
    CHECK(size == 0);
    CHECK_R(yr_vocabularies_r(NULL, &size, ERR), YR_EINVALID);
    CHECK(size == 0);
    CHECK_R(yr_program_load_r(NULL, NULL, NULL, 0, &p, ERR), YR_EINVALID);
    CHECK(p == NULL);
    CHECK_R(yr_program_load_r("gr-barn-unga", NULL, NULL, 0, NULL, ERR), YR_EINVALID);
    CHECK_R(yr_program_load_r("gr-barn-unga", overlays, NULL, 1, &p, ERR), YR_EINVALID);
    CHECK_R(yr_program_load_r("gr-barn-unga", null_overlay, &one, 1, &p, ERR), YR_EINVALID);
    CHECK_R(yr_program_load_r("no-such-program", NULL, NULL, 0, &p, ERR), YR_ENOTFOUND);
    CHECK_R(yr_program_load_json_r(NULL, 0, NULL, NULL, 0, &p, ERR), YR_EINVALID);
    CHECK_R(yr_program_load_json_r("{}", 2, NULL, NULL, 0, NULL, ERR), YR_EINVALID);
    CHECK_R(yr_program_load_json_r("{}\0{}", 5, NULL, NULL, 0, &p, ERR), YR_EPARSE);
    CHECK(p == NULL);
    CHECK_R(yr_program_definition_r(NULL, &out, &size, ERR), YR_EINVALID);
    CHECK(out == NULL && size == 0);
    CHECK_R(yr_program_definition_r(gr, NULL, &size, ERR), YR_EINVALID);
    CHECK_R(yr_program_rule_book_r(NULL, YR_RULE_BOOK_HTML, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_program_rule_book_r(gr, 2, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_program_rule_book_r(gr, YR_RULE_BOOK_HTML, NULL, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(NULL, person, person_size, "2026-02-01", NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, NULL, 0, "2026-02-01", NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, person, person_size, NULL, NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, person, person_size, "2026-02-30", NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, person, person_size, "2026-02-01", NULL, 3, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, person, person_size, "2026-02-01", "{\"lang\":1}", 10, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, person, person_size, "2026-02-01", NULL, 0, NULL, &size, ERR), YR_EINVALID);
    CHECK_R(yr_evaluate_r(gr, person, person_size - 1, "2026-02-01", NULL, 0, &out, &size, ERR), YR_EPARSE);
    CHECK(out == NULL && size == 0);
    CHECK_R(yr_certificate_issue_r(NULL, person, person_size, "2026-02-01", "introduktionsprogram", NULL, 0, &out,
                                   &size, ERR),
            YR_EINVALID);
    CHECK_R(yr_certificate_issue_r(gr, person, person_size, "2026-02-01", NULL, NULL, 0, &out, &size, ERR),
            YR_EINVALID);
    CHECK_R(yr_certificate_issue_r(gr, person, person_size, "2026-02-01", "introduktionsprogram", "[]", 2, &out,
                                   &size, ERR),
            YR_EINVALID);
    CHECK_R(yr_certificate_issue_r(gr, person, person_size, "2026-02-01", "introduktionsprogram", NULL, 0, &out,
                                   &size, ERR),
            YR_ENOTMET);
    CHECK_R(yr_credential_issue_r(gr, person, person_size, "2026-02-01", "introduktionsprogram", "did:example:x",
                                  "X", NULL, NULL, 0, &out, &size, ERR),
            YR_EINVALID);
    CHECK_R(yr_credential_issue_r(gr, person, person_size, "2026-02-01", "introduktionsprogram", NULL, "X", key, NULL,
                                  0, &out, &size, ERR),
            YR_EINVALID);
    CHECK_R(yr_credential_issue_r(gr, person, person_size, "2026-02-01", "introduktionsprogram", "did:example:x",
                                  "X", key, "{\"valid_from\":1}", 16, &out, &size, ERR),
            YR_EINVALID);
    CHECK_R(yr_credential_verify_r(NULL, 0, "{}", 2, "2026-11-02T09:00:00Z", &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_credential_verify_r("{}", 2, NULL, 0, "2026-11-02T09:00:00Z", &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_credential_verify_r("{}", 2, "{\"issuers\":[]}", 14, NULL, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_credential_verify_r("{}", 2, "{", 1, "2026-11-02T09:00:00Z", &out, &size, ERR), YR_EPARSE);
    CHECK_R(yr_certificate_html_r(NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_certificate_html_r("{}", 2, NULL, &size, ERR), YR_EINVALID);
    CHECK_R(yr_certificate_html_r("{}", 2, &out, &size, ERR), YR_EFORMAT);
    CHECK_R(yr_json_canonicalize_r(NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_json_canonicalize_r("[1]", 3, NULL, &size, ERR), YR_EINVALID);
    CHECK_R(yr_json_canonicalize_r("[1]\0", 4, &out, &size, ERR), YR_EPARSE);
    CHECK_R(yr_coordinate_r(NULL, "{}", 2, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_coordinate_r(gr, NULL, 0, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_coordinate_r(gr, "{}", 2, NULL, &size, ERR), YR_EINVALID);
    CHECK_R(yr_coordinate_r(gr, "{}", 2, &out, &size, ERR), YR_EFORMAT);
    CHECK_R(yr_signing_key_from_seed_r(NULL, 32, &k, ERR), YR_EINVALID);
    CHECK(k == NULL);
    CHECK_R(yr_signing_key_from_seed_r(seed, 31, &k, ERR), YR_EINVALID);
    CHECK_R(yr_signing_key_from_multibase_r(NULL, &k, ERR), YR_EINVALID);
    CHECK_R(yr_signing_key_from_multibase_r("z6Mk", &k, ERR), YR_EFORMAT);
    CHECK_R(yr_signing_key_generate_r(NULL, ERR), YR_EINVALID);
    CHECK_R(yr_signing_key_private_multibase_r(NULL, &out, &size, ERR), YR_EINVALID);
    CHECK_R(yr_signing_key_private_multibase_r(key, NULL, &size, ERR), YR_EINVALID);
    /* out_error NULL: the code alone. */
    CHECK(yr_evaluate_r(gr, person, person_size, "2026-02-30", NULL, 0, &out, &size, NULL) == YR_EINVALID);
    CHECK(out == NULL);
    CHECK(yr_error_last()->code == YR_ENOTFOUND);
    yr_signing_key_free(key);
    yr_program_free(gr);
    yr_error_clear();
}

/* The program checker: a report for any document, arguments checked. */
static void program_check(void) {
    char *report = (char *)&report;
    char *err = NULL;
    size_t size = 1;
    const char *nulls[1] = {NULL};
    const char *bad_overlay[1] = {"{\"format\": 1}"};
    const char *trailing = "{\n  \"format\": 1,\n}";

    CHECK_CODE(yr_program_check(NULL, NULL, 0, &report), YR_EINVALID);
    CHECK(report == NULL);
    CHECK_CODE(yr_program_check("{}", NULL, 0, NULL), YR_EINVALID);
    CHECK_CODE(yr_program_check("{}", NULL, 1, &report), YR_EINVALID);
    CHECK_CODE(yr_program_check("{}", nulls, 1, &report), YR_EINVALID);
    /* A document that does not load is a report, not a failure. */
    CHECK_CODE(yr_program_check(trailing, NULL, 0, &report), YR_OK);
    CHECK(report != NULL && strstr(report, "\"loads\":false") != NULL);
    CHECK(report != NULL && strstr(report, "\"code\":\"parse_error\",\"column\":1,\"document\":0,\"line\":3") != NULL);
    yr_string_free(report);
    report = NULL;
    /* The thread's last error lists a syntax error's line and column too. */
    CHECK_CODE(yr_program_load_json(trailing, NULL, 0, (yr_program **)&report), YR_EPARSE);
    CHECK(strstr(yr_error_last()->problems, "\"column\":1,\"line\":3") != NULL);
    CHECK_CODE(yr_program_check("{}", bad_overlay, 1, &report), YR_OK);
    CHECK(report != NULL && strstr(report, "\"document\":0") != NULL);
    yr_string_free(report);

    CHECK(yr_program_check_r(NULL, 0, NULL, NULL, 0, &report, &size, &err) == YR_EINVALID);
    CHECK(report == NULL && size == 0 && err != NULL && strstr(err, "definition_json") != NULL);
    yr_string_free(err);
    CHECK(yr_program_check_r("{}", 2, bad_overlay, NULL, 1, &report, &size, &err) == YR_EINVALID);
    yr_string_free(err);
    CHECK(yr_program_check_r("{}", 2, NULL, NULL, 0, NULL, &size, NULL) == YR_EINVALID);
    /* Sized text: the NUL after "{}" is part of the document and refused. */
    CHECK(yr_program_check_r("{}", 3, NULL, NULL, 0, &report, &size, &err) == YR_OK);
    CHECK(err == NULL && report != NULL && size == strlen(report) && strstr(report, "parse_error") != NULL);
    yr_string_free(report);
}

int main(void) {
    stable_constants();
    versions_and_errors();
    program_list();
    vocabularies();
    program_load();
    program_load_json();
    program_getters();
    program_rule_book();
    options_init();
    evaluate();
    evaluate_ymd();
    certificate_options_init();
    certificate_issue();
    credentials();
    coordinate();
    coordinate_annual();
    calls_r();
    program_check();
    return check_report("capi.c_invalid_input");
}
