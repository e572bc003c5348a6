/*
 * A whole case driven through the C ABI from C (compiled as C99): list the
 * built-in programs, load GR with a municipality and a unit overlay, evaluate
 * a newcomer on a date given both ways and in both languages, ship the
 * program's definition to a new handle, meet a refused record, and read the
 * programs' rule books.
 *
 *   yr_capi_c_scenario SOURCE_DIR
 */
#include "check.h"

/* Reads a whole file; the caller frees. Exits on failure. */
static char *slurp(const char *dir, const char *name) {
    char path[4096];
    FILE *f;
    long size;
    char *text;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    text = (char *)malloc((size_t)size + 1);
    if (text == NULL || fread(text, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    text[size] = '\0';
    fclose(f);
    return text;
}

/* A copy of the JSON object that follows `key` in text (a scenario file's
 * "person"); the caller frees. Strings are skipped, so braces in them do
 * not count. */
static char *object_after(const char *text, const char *key) {
    const char *start = strstr(text, key);
    const char *p;
    int depth = 0;
    int in_string = 0;
    char *copy;
    if (start == NULL || (start = strchr(start + strlen(key), '{')) == NULL) return NULL;
    for (p = start; *p != '\0'; ++p) {
        if (in_string) {
            if (*p == '\\' && p[1] != '\0') ++p;
            else if (*p == '"') in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if (*p == '{') {
            ++depth;
        } else if (*p == '}' && --depth == 0) {
            size_t n = (size_t)(p - start) + 1;
            copy = (char *)malloc(n + 1);
            if (copy == NULL) return NULL;
            memcpy(copy, start, n);
            copy[n] = '\0';
            return copy;
        }
    }
    return NULL;
}

/* The person of tests/scenarios/r3-unit-overlay.json. */
static const char *const newcomer =
    "{\"id\": \"p-3006\", \"municipality\": \"kungalv\", \"unit\": \"barn-unga-utredning\","
    " \"employment_start\": \"2026-01-12\", \"people\": {\"FA\": \"p-2001\", \"1:e\": \"p-0300\"}}";

/* A completion recorded after the evaluation date. */
static const char *const from_the_future =
    "{\"id\": \"p-3007\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\","
    " \"events\": [{\"type\": \"item_done\", \"item\": \"valkomstbrev\", \"date\": \"2026-03-01\"}]}";

/* The rule books of the built-in programs through the C ABI: the same text
 * as the committed docs/programs/ files (which the C++ suite holds to
 * rule_book()), with the rules in words beside their quotes. */
static void rule_books(const char *source_dir) {
    static const char *const ids[] = {"gr-barn-unga", "uppsala-bistand-lss"};
    static const char *const files[][2] = {{"docs/programs/gr-barn-unga.md", "docs/programs/gr-barn-unga.html"},
                                           {"docs/programs/uppsala-bistand-lss.md",
                                            "docs/programs/uppsala-bistand-lss.html"}};
    const int formats[2] = {YR_RULE_BOOK_MARKDOWN, YR_RULE_BOOK_HTML};
    size_t i, f;
    for (i = 0; i < 2; ++i) {
        yr_program *p = NULL;
        CHECK_CODE(yr_program_load(ids[i], NULL, 0, &p), YR_OK);
        for (f = 0; f < 2; ++f) {
            char *book = NULL;
            char *committed = slurp(source_dir, files[i][f]);
            CHECK_CODE(yr_program_rule_book(p, formats[f], &book), YR_OK);
            CHECK(book != NULL && strcmp(book, committed) == 0);
            if (book != NULL && strcmp(book, committed) != 0)
                fprintf(stderr, "%s differs from the C ABI's rule book\n", files[i][f]);
            if (i == 0 && f == 0 && book != NULL) {
                CHECK(strncmp(book, "# Regelbok: De första åren som socialsekreterare", 50) == 0);
                CHECK(strstr(book, "> Starta inom 4 mån") != NULL);
                CHECK(strstr(book, "7 dagar efter beslut om anställning (annars dagen före första arbetsdagen)") != NULL);
            }
            if (f == 1 && book != NULL) CHECK(strncmp(book, "<!DOCTYPE html>\n<html lang=\"sv\">", 31) == 0);
            yr_string_free(book);
            free(committed);
        }
        yr_program_free(p);
    }
}

int main(int argc, char **argv) {
    const char *source_dir = argc > 1 ? argv[1] : ".";
    char *list = NULL;
    char *overlays[2];
    yr_program *gr = NULL;
    yr_program *shipped = NULL;
    char *by_iso = NULL;
    char *by_ymd = NULL;
    char *in_english = NULL;
    char *from_shipped = NULL;
    char *refused = NULL;
    char *certificate = NULL;
    char *again = NULL;
    char *scenario;
    char *graduate;
    char *graduate_evaluation = NULL;
    yr_certificate_options issuer;
    yr_date as_of = {2026, 2, 1};
    yr_evaluate_options english;

    /* Versions: the header and the library agree. */
    CHECK(yr_version_number() == YR_VERSION_NUMBER);
    CHECK_STR(yr_version_string(), YR_VERSION_STRING);
    CHECK(yr_abi_version() == YR_ABI_VERSION);

    /* The built-in programs. */
    CHECK_CODE(yr_program_list(&list), YR_OK);
    CHECK(list != NULL && strstr(list, "\"id\":\"gr-barn-unga\"") != NULL);
    CHECK(list != NULL && strstr(list, "\"id\":\"uppsala-bistand-lss\"") != NULL);
    yr_string_free(list);

    /* GR with Kungälv's overlay and then its investigation unit's. */
    overlays[0] = slurp(source_dir, "data/overlays/example-kungalv.json");
    overlays[1] = slurp(source_dir, "data/overlays/example-kungalv-utredning.json");
    CHECK_CODE(yr_program_load("gr-barn-unga", (const char *const *)overlays, 2, &gr), YR_OK);
    CHECK(gr != NULL);
    CHECK_STR(yr_program_id(gr), "gr-barn-unga");
    CHECK(yr_program_version(gr) != NULL && yr_program_version(gr)[0] != '\0');

    /* Evaluate on 2026-02-01, as an ISO string and as a yr_date. */
    CHECK_CODE(yr_evaluate(gr, newcomer, "2026-02-01", NULL, &by_iso), YR_OK);
    CHECK_CODE(yr_evaluate_ymd(gr, newcomer, &as_of, NULL, &by_ymd), YR_OK);
    CHECK(by_iso != NULL && by_ymd != NULL && strcmp(by_iso, by_ymd) == 0);
    CHECK(by_iso != NULL && strstr(by_iso, "\"as_of\":\"2026-02-01\"") != NULL);
    CHECK(by_iso != NULL && strstr(by_iso, "\"phase\":{\"id\":\"introduktion\"") != NULL);
    /* The unit overlay's section and the municipality's added item are there. */
    CHECK(by_iso != NULL && strstr(by_iso, "\"id\":\"utredning-ga-bredvid\"") != NULL);
    CHECK(by_iso != NULL && strstr(by_iso, "\"id\":\"kungalv-signs-of-safety\"") != NULL);
    CHECK(by_iso != NULL && strstr(by_iso, "\"language\":\"sv\"") != NULL);

    /* The same in English. */
    CHECK_CODE(yr_evaluate_options_init(&english, YR_EVALUATE_OPTIONS_VERSION), YR_OK);
    english.language = YR_LANGUAGE_EN;
    CHECK_CODE(yr_evaluate(gr, newcomer, "2026-02-01", &english, &in_english), YR_OK);
    CHECK(in_english != NULL && strstr(in_english, "\"language\":\"en\"") != NULL);

    /* Nothing of the course is done yet: no certificate, and why not. */
    CHECK_CODE(yr_certificate_issue(gr, newcomer, "2026-02-01", "introduktionsprogram", NULL, &certificate),
               YR_ENOTMET);
    CHECK(certificate == NULL);
    CHECK_STR(yr_error_last()->kind, "requirements_not_met");
    CHECK(strstr(yr_error_last()->problems, "m1") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, newcomer, "2026-02-01", "no-such-component", NULL, &certificate),
               YR_EREFERENCE);

    /* A course completed (tests/scenarios/r4-course-certificate-due.json):
     * the evaluation says the certificate is due, and it is issued, the same
     * document each time, with the issuer asked for. */
    scenario = slurp(source_dir, "tests/scenarios/r4-course-certificate-due.json");
    graduate = object_after(scenario, "\"person\"");
    CHECK(graduate != NULL);
    CHECK_CODE(yr_evaluate(gr, graduate, "2026-11-01", NULL, &graduate_evaluation), YR_OK);
    CHECK(graduate_evaluation != NULL &&
          strstr(graduate_evaluation, "\"component\":\"introduktionsprogram\",\"status\":\"due\"") != NULL);
    CHECK_CODE(yr_certificate_issue(gr, graduate, "2026-11-01", "introduktionsprogram", NULL, &certificate), YR_OK);
    CHECK(certificate != NULL && strstr(certificate, "\"type\":\"yrkesresan-intyg\"") != NULL);
    CHECK(certificate != NULL && strstr(certificate, "\"completed_on\":\"2026-10-07\"") != NULL);
    CHECK(certificate != NULL && strstr(certificate, "\"id\":\"urn:yrkesresan:intyg:") != NULL);
    CHECK_CODE(yr_certificate_options_init(&issuer, YR_CERTIFICATE_OPTIONS_VERSION), YR_OK);
    issuer.issuer = "Kungälvs kommun";
    CHECK_CODE(yr_certificate_issue(gr, graduate, "2026-11-01", "introduktionsprogram", NULL, &again), YR_OK);
    CHECK(certificate != NULL && again != NULL && strcmp(certificate, again) == 0);
    yr_string_free(again);
    CHECK_CODE(yr_certificate_issue(gr, graduate, "2026-11-01", "introduktionsprogram", &issuer, &again), YR_OK);
    CHECK(again != NULL && strstr(again, "Kungälvs kommun") != NULL);
    yr_string_free(again);
    yr_string_free(certificate);
    certificate = NULL;
    yr_string_free(graduate_evaluation);
    free(graduate);
    free(scenario);

    /* The effective definition makes an equal program elsewhere. */
    CHECK_CODE(yr_program_load_json(yr_program_definition(gr), NULL, 0, &shipped), YR_OK);
    CHECK_STR(yr_program_id(shipped), "gr-barn-unga");
    CHECK_CODE(yr_evaluate(shipped, newcomer, "2026-02-01", NULL, &from_shipped), YR_OK);
    CHECK(from_shipped != NULL && by_iso != NULL && strcmp(from_shipped, by_iso) == 0);

    /* A refused record: the error names the rule and points at the value. */
    CHECK_CODE(yr_evaluate(gr, from_the_future, "2026-02-01", NULL, &refused), YR_ECONFLICT);
    CHECK(refused == NULL);
    CHECK_STR(yr_error_last()->kind, "future_event");
    CHECK_STR(yr_error_last()->path, "/events/0/date");
    CHECK(strstr(yr_error_last()->problems, "\"code\":\"future_event\"") != NULL);
    /* The message never repeats a personal value. */
    CHECK(strstr(yr_error_last()->message, "2026-03-01") == NULL);
    CHECK(strstr(yr_error_last()->message, "p-3007") == NULL);
    /* Freeing does not disturb the last error; the next fallible call does. */
    yr_string_free(by_iso);
    yr_program_free(shipped);
    CHECK(yr_error_last()->code == YR_ECONFLICT);
    CHECK_CODE(yr_evaluate_ymd(gr, from_the_future, &as_of, NULL, &refused), YR_ECONFLICT);
    CHECK_CODE(yr_evaluate_ymd(gr, newcomer, &as_of, NULL, &refused), YR_OK);
    CHECK_STR(yr_error_last()->kind, "");
    CHECK_STR(yr_error_last()->problems, "[]");

    yr_string_free(refused);
    yr_string_free(by_ymd);
    yr_string_free(in_english);
    yr_string_free(from_shipped);
    yr_program_free(gr);
    free(overlays[0]);
    free(overlays[1]);
    rule_books(source_dir);
    return check_report("capi.c_scenario");
}
