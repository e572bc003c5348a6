// Certificates that travel: signing keys, signed Open Badges 3.0
// credentials, verification against trusted issuers, the printable page.
// Converts, calls the C++ API (yrkesresan/credential.hpp), translates errors.
#include <cstring>
#include <string>

#include "api_entry.hpp"
#include "handles.hpp"
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/credential.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/person.hpp"

namespace yr_capi {

yr_signing_key* new_key(yrkesresan::SigningKey key) {
    std::string public_multibase = key.public_key_multibase();
    std::string method = key.did_key_verification_method();
    return new yr_signing_key{std::move(key), std::move(public_multibase), std::move(method)};
}

namespace {

std::string text_or_empty(const char* s) { return s == nullptr ? std::string() : std::string(s); }

}  // namespace
}  // namespace yr_capi

using yr_capi::api_entry;
using yr_capi::require;
using yr_capi::Resets;

extern "C" {

YR_API int yr_signing_key_from_seed(const unsigned char* seed, size_t seed_size, yr_signing_key** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(seed, "seed");
        require(out, "out");
        if (seed_size != yrkesresan::SigningKey::seed_size)
            throw yr_capi::ArgumentError{"invalid_argument", "argument 'seed_size' is not 32"};
        *out = yr_capi::new_key(yrkesresan::SigningKey::from_seed(seed, seed_size));
    });
}

YR_API int yr_signing_key_from_multibase(const char* private_key_multibase, yr_signing_key** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(private_key_multibase, "private_key_multibase");
        require(out, "out");
        *out = yr_capi::new_key(yrkesresan::SigningKey::from_multibase(private_key_multibase));
    });
}

YR_API int yr_signing_key_generate(yr_signing_key** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(out, "out");
        *out = yr_capi::new_key(yrkesresan::SigningKey::generate());
    });
}

YR_API void yr_signing_key_free(yr_signing_key* key) {
    api_entry<Resets::no>([&] { delete key; });  // ~SigningKey wipes the secret
}

YR_API const char* yr_signing_key_public_multibase(const yr_signing_key* key) {
    const char* result = nullptr;
    api_entry([&] { result = require(key, "key")->public_multibase.c_str(); });
    return result;
}

YR_API const char* yr_signing_key_verification_method(const yr_signing_key* key) {
    const char* result = nullptr;
    api_entry([&] { result = require(key, "key")->verification_method.c_str(); });
    return result;
}

YR_API int yr_signing_key_private_multibase(const yr_signing_key* key, char** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(key, "key");
        require(out, "out");
        std::string secret = key->key.private_key_multibase();
        *out = yr_capi::to_c_string(secret);
        std::memset(secret.data(), 0, secret.size());
    });
}

YR_API int yr_credential_options_init(yr_credential_options* options, unsigned int version) {
    return api_entry([&] {
        require(options, "options");
        yr_capi::check_options_version(version, YR_CREDENTIAL_OPTIONS_VERSION, "version");
        options->version = version;
        options->issuer_url = nullptr;
        options->issuer_email = nullptr;
        options->verification_method = nullptr;
        options->valid_from = nullptr;
        options->created = nullptr;
        options->organisation = nullptr;
    });
}

YR_API int yr_credential_issue(const yr_program* program, const char* person_json, const char* as_of,
                               const char* component, const char* issuer_id, const char* issuer_name,
                               const yr_signing_key* key, const yr_credential_options* options, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        // Arguments are checked (in parameter order) before the record is read.
        require(program, "program");
        require(person_json, "person_json");
        const yrkesresan::Date date = yr_capi::read_iso_date(as_of, "as_of");
        require(component, "component");
        require(issuer_id, "issuer_id");
        require(issuer_name, "issuer_name");
        require(key, "key");
        yrkesresan::IssuerProfile issuer{issuer_id, issuer_name, "", ""};
        yrkesresan::SignOptions sign;
        yrkesresan::IssueOptions issue;
        if (options != nullptr) {
            yr_capi::check_options_version(options->version, YR_CREDENTIAL_OPTIONS_VERSION, "options");
            issuer.url = yr_capi::text_or_empty(options->issuer_url);  // version 1
            issuer.email = yr_capi::text_or_empty(options->issuer_email);
            sign.verification_method = yr_capi::text_or_empty(options->verification_method);
            sign.valid_from = yr_capi::text_or_empty(options->valid_from);
            sign.created = yr_capi::text_or_empty(options->created);
            issue.issuer = yr_capi::text_or_empty(options->organisation);
        }
        require(out_json, "out_json");
        const auto person = yrkesresan::PersonRecord::from_json(person_json);
        const auto certificate = yrkesresan::issue_certificate(program->program, person, date, component, issue);
        *out_json = yr_capi::to_c_string(yrkesresan::sign_certificate(certificate, issuer, key->key, sign));
    });
}

YR_API int yr_credential_verify(const char* credential_json, const char* trusted_issuers_json, const char* now,
                                char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(credential_json, "credential_json");
        require(trusted_issuers_json, "trusted_issuers_json");
        require(now, "now");
        require(out_json, "out_json");
        const auto trusted = yrkesresan::trusted_issuers_from_json(trusted_issuers_json);
        yrkesresan::VerificationResult result;
        try {
            result = yrkesresan::verify_credential(credential_json, trusted, yrkesresan::VerifyOptions{now});
        } catch (const yrkesresan::Error&) {
            // A bad credential is a status; the only error left is the time.
            throw yr_capi::ArgumentError{"invalid_argument",
                                         "argument 'now' is not an xsd:dateTimeStamp (YYYY-MM-DDThh:mm:ssZ)"};
        }
        *out_json = yr_capi::to_c_string(result.to_json());
    });
}

YR_API int yr_certificate_html(const char* credential_json, char** out_html) {
    if (out_html != nullptr) *out_html = nullptr;
    return api_entry([&] {
        require(credential_json, "credential_json");
        require(out_html, "out_html");
        *out_html = yr_capi::to_c_string(yrkesresan::certificate_html(credential_json));
    });
}

YR_API int yr_json_canonicalize(const char* json, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(json, "json");
        require(out_json, "out_json");
        *out_json = yr_capi::to_c_string(yrkesresan::canonicalize_json(json));
    });
}

}  // extern "C"
