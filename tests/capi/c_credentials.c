/*
 * Certificates that travel, through the C ABI alone (C99): a key from the
 * host, a signed credential, verification against a trusted-issuer list with
 * its reason codes, the printable page.
 *
 *   yr_capi_c_credentials
 */
#include "check.h"

static const char *const person =
    "{\"id\": \"p-0001\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\", \"events\": ["
    "{\"type\": \"module_attended\", \"module\": \"m1\", \"date\": \"2026-05-20\", \"round\": \"2026-1\"},"
    "{\"type\": \"homework_submitted\", \"module\": \"m1\", \"date\": \"2026-05-27\"},"
    "{\"type\": \"module_attended\", \"module\": \"m2\", \"date\": \"2026-06-03\", \"round\": \"2026-1\"},"
    "{\"type\": \"homework_submitted\", \"module\": \"m2\", \"date\": \"2026-06-10\"},"
    "{\"type\": \"module_attended\", \"module\": \"m3\", \"date\": \"2026-06-17\", \"round\": \"2026-1\"},"
    "{\"type\": \"homework_submitted\", \"module\": \"m3\", \"date\": \"2026-06-24\"},"
    "{\"type\": \"module_attended\", \"module\": \"m4\", \"date\": \"2026-08-19\", \"round\": \"2026-1\"},"
    "{\"type\": \"module_attended\", \"module\": \"m5\", \"date\": \"2026-09-02\", \"round\": \"2026-1\"},"
    "{\"type\": \"homework_submitted\", \"module\": \"m5\", \"date\": \"2026-09-09\"},"
    "{\"type\": \"module_attended\", \"module\": \"m6\", \"date\": \"2026-09-16\", \"round\": \"2026-1\"},"
    "{\"type\": \"module_attended\", \"module\": \"m7\", \"date\": \"2026-09-30\", \"round\": \"2026-1\"},"
    "{\"type\": \"homework_submitted\", \"module\": \"m7\", \"date\": \"2026-10-05\"},"
    "{\"type\": \"module_attended\", \"module\": \"m8\", \"date\": \"2026-10-07\", \"round\": \"2026-1\"}]}";

static const char *const issuer_id = "https://www.kungalv.se/socialtjansten";

int main(void) {
    yr_program *gr = NULL;
    yr_signing_key *key = NULL, *again = NULL;
    unsigned char seed[32];
    char *vc = NULL, *vc2 = NULL, *result = NULL, *html = NULL, *secret = NULL, *canonical = NULL;
    char trusted[512];
    char *tampered;
    size_t i;

    for (i = 0; i < sizeof seed; ++i) seed[i] = (unsigned char)(i + 7);
    CHECK_CODE(yr_program_load("gr-barn-unga", NULL, 0, &gr), YR_OK);
    CHECK_CODE(yr_signing_key_from_seed(seed, sizeof seed, &key), YR_OK);
    CHECK(strncmp(yr_signing_key_public_multibase(key), "z6Mk", 4) == 0);
    CHECK(strncmp(yr_signing_key_verification_method(key), "did:key:z6Mk", 12) == 0);

    /* The host's key, stored and read back, is the same key. */
    CHECK_CODE(yr_signing_key_private_multibase(key, &secret), YR_OK);
    CHECK_CODE(yr_signing_key_from_multibase(secret, &again), YR_OK);
    CHECK_STR(yr_signing_key_public_multibase(again), yr_signing_key_public_multibase(key));
    memset(secret, 0, strlen(secret));
    yr_string_free(secret);

    CHECK_CODE(yr_credential_issue(gr, person, "2026-11-01", "introduktionsprogram", issuer_id,
                                   "Kungälvs kommun, socialtjänsten", key, NULL, &vc),
               YR_OK);
    CHECK(vc != NULL && strstr(vc, "\"OpenBadgeCredential\"") != NULL && strstr(vc, "\"eddsa-jcs-2022\"") != NULL);
    /* Deterministic, and already canonical. */
    CHECK_CODE(yr_credential_issue(gr, person, "2027-01-01", "introduktionsprogram", issuer_id,
                                   "Kungälvs kommun, socialtjänsten", again, NULL, &vc2),
               YR_OK);
    CHECK(vc2 != NULL && strcmp(vc, vc2) == 0);
    CHECK_CODE(yr_json_canonicalize(vc, &canonical), YR_OK);
    CHECK(canonical != NULL && strcmp(canonical, vc) == 0);

    snprintf(trusted, sizeof trusted, "{\"issuers\": [{\"id\": \"%s\", \"name\": \"Kungälv\", \"keys\": "
             "[{\"publicKeyMultibase\": \"%s\"}]}]}", issuer_id, yr_signing_key_public_multibase(key));
    CHECK_CODE(yr_credential_verify(vc, trusted, "2026-11-22T10:00:00Z", &result), YR_OK);
    CHECK(result != NULL && strstr(result, "\"status\":\"ok\"") != NULL);
    CHECK(result != NULL && strstr(result, "\"completed_on\":\"2026-10-07\"") != NULL);
    yr_string_free(result);

    CHECK_CODE(yr_credential_verify(vc, trusted, "2026-10-06T10:00:00Z", &result), YR_OK);
    CHECK(result != NULL && strstr(result, "\"status\":\"not_yet_valid\"") != NULL);
    yr_string_free(result);
    CHECK_CODE(yr_credential_verify(vc, "{\"issuers\": []}", "2026-11-22T10:00:00Z", &result), YR_OK);
    CHECK(result != NULL && strstr(result, "\"status\":\"unknown_issuer\"") != NULL);
    yr_string_free(result);

    /* 48 hours become 84: the signature no longer matches. */
    tampered = (char *)malloc(strlen(vc) + 1);
    CHECK(tampered != NULL);
    if (tampered != NULL) {
        char *hours;
        strcpy(tampered, vc);
        hours = strstr(tampered, "\"hours\":48");
        CHECK(hours != NULL);
        if (hours != NULL) {
            hours[8] = '8';
            hours[9] = '4';
        }
        CHECK_CODE(yr_credential_verify(tampered, trusted, "2026-11-22T10:00:00Z", &result), YR_OK);
        CHECK(result != NULL && strstr(result, "\"status\":\"bad_signature\"") != NULL);
        yr_string_free(result);
        free(tampered);
    }

    CHECK_CODE(yr_certificate_html(vc, &html), YR_OK);
    CHECK(html != NULL && strstr(html, "<h1>Intyg</h1>") != NULL && strstr(html, "48 timmar") != NULL);
    CHECK(html != NULL && strstr(html, "Så kontrollerar du intyget") != NULL);

    /* A municipality's whole path: its did:web, the did.json it publishes, a
     * revocable credential, the status list, revoking, a receiver's check. */
    {
        char *did = NULL, *did_json = NULL, *keys = NULL, *list = NULL, *revoked = NULL, *revocable = NULL;
        char *error = NULL, *lists = NULL, *listed = NULL;
        size_t size = 0;
        const char *options = "{\"status_list\": \"https://www.ale.se/intyg/status/1\", \"status_list_index\": 94567}";
        CHECK_CODE(yr_did_web_from_url("https://www.ale.se", &did), YR_OK);
        CHECK_STR(did, "did:web:www.ale.se");
        keys = (char *)malloc(128);
        listed = (char *)malloc(4096);
        CHECK(keys != NULL && listed != NULL);
        if (keys != NULL && listed != NULL && did != NULL) {
            snprintf(keys, 128, "[\"%s\"]", yr_signing_key_public_multibase(key));
            CHECK_CODE(yr_did_document(did, keys, &did_json), YR_OK);
            CHECK(did_json != NULL && strstr(did_json, "\"assertionMethod\":[\"did:web:www.ale.se#key-1\"]") != NULL);
            snprintf(listed, 4096, "{\"issuers\": [{\"name\": \"Ale\", \"didDocument\": %s}]}", did_json);
            CHECK_CODE(yr_credential_issue_r(gr, person, strlen(person), "2026-11-01", "introduktionsprogram", did,
                                             "Ale kommun", key, options, strlen(options), &revocable, &size, &error),
                       YR_OK);
            CHECK(error == NULL && revocable != NULL && strstr(revocable, "\"statusListIndex\":\"94567\"") != NULL);
            CHECK_CODE(yr_status_list_create("https://www.ale.se/intyg/status/1", did, "Ale kommun", key,
                                             "2026-11-01T08:00:00Z", &list),
                       YR_OK);
            CHECK_CODE(yr_status_list_revoke(list, 94567, key, "2026-11-20T09:00:00Z", &revoked), YR_OK);
            if (revocable != NULL && list != NULL && revoked != NULL) {
                lists = (char *)malloc(strlen(list) + strlen(revoked) + 4);
                CHECK(lists != NULL);
                if (lists != NULL) {
                    sprintf(lists, "[%s]", list);
                    CHECK_CODE(yr_credential_verify_status(revocable, listed, "2026-11-22T10:00:00Z", lists, &result), YR_OK);
                    CHECK(result != NULL && strstr(result, "\"status\":\"ok\"") != NULL);
                    yr_string_free(result);
                    CHECK_CODE(yr_credential_verify_status(revocable, listed, "2026-11-22T10:00:00Z", "[]", &result), YR_OK);
                    CHECK(result != NULL && strstr(result, "\"status\":\"status_unavailable\"") != NULL);
                    yr_string_free(result);
                    sprintf(lists, "[%s]", revoked);
                    CHECK_CODE(yr_credential_verify_status(revocable, listed, "2026-11-22T10:00:00Z", lists, &result), YR_OK);
                    CHECK(result != NULL && strstr(result, "\"status\":\"revoked\"") != NULL);
                    yr_string_free(result);
                    free(lists);
                }
            }
        }
        yr_string_free(error);
        yr_string_free(revoked);
        yr_string_free(list);
        yr_string_free(revocable);
        yr_string_free(did_json);
        yr_string_free(did);
        free(keys);
        free(listed);
    }

    yr_string_free(html);
    yr_string_free(canonical);
    yr_string_free(vc2);
    yr_string_free(vc);
    yr_signing_key_free(again);
    yr_signing_key_free(key);
    yr_program_free(gr);
    return check_report("capi.c_credentials");
}
