// The *_r forms: the same calls with the error returned through out_error
// (no per-thread state), documents as (pointer, size), options as JSON text
// and results with their size. Each converts, calls the C++ API as its
// namesake does, and leaves the thread's last error alone.
#include <cstring>
#include <string>
#include <string_view>

#include "api_entry.hpp"
#include "handles.hpp"
#include "options_json.hpp"
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/rule_book.hpp"

namespace yr_capi {
namespace {

// A document argument: NULL is refused even with size 0 (a document is
// never absent); the size is taken as it is, so a NUL inside reaches the
// reader, which refuses it.
std::string_view document(const char* text, std::size_t size, const char* name) {
    return std::string_view(require(text, name), size);
}

// Hands a result out with its size.
void give(const std::string& text, char** out, std::size_t* out_size) {
    *out = to_c_string(text);
    if (out_size != nullptr) *out_size = text.size();
}

void clear(char** out, std::size_t* out_size) {
    if (out != nullptr) *out = nullptr;
    if (out_size != nullptr) *out_size = 0;
}

yrkesresan::RuleBookFormat rule_book_format(int format) {
    switch (format) {
        case YR_RULE_BOOK_MARKDOWN: return yrkesresan::RuleBookFormat::markdown;
        case YR_RULE_BOOK_HTML: return yrkesresan::RuleBookFormat::html;
        default: throw ArgumentError{"invalid_argument", "argument 'format' is not a yr_rule_book_format"};
    }
}

}  // namespace
}  // namespace yr_capi

using yr_capi::api_entry_r;
using yr_capi::require;

extern "C" {

YR_API int yr_program_list_r(char** out_json, size_t* out_size, char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        require(out_json, "out_json");
        yr_capi::give(yr_capi::builtin_list(), out_json, out_size);
    });
}

YR_API int yr_vocabularies_r(char** out_json, size_t* out_size, char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        require(out_json, "out_json");
        yr_capi::give(yr_capi::vocabulary_list(), out_json, out_size);
    });
}

YR_API int yr_program_load_r(const char* builtin_id, const char* const* overlays, const size_t* overlay_sizes,
                             size_t overlay_count, yr_program** out, char** out_error) {
    if (out != nullptr) *out = nullptr;
    return api_entry_r(out_error, [&] {
        require(builtin_id, "builtin_id");
        require(out, "out");
        if (overlay_count > 0) require(overlay_sizes, "overlay_sizes");
        const auto texts = yr_capi::read_overlays(overlays, overlay_sizes, overlay_count);
        *out = yr_capi::new_handle(yr_capi::with_overlays(yrkesresan::Program::builtin(builtin_id), texts));
    });
}

YR_API int yr_program_load_json_r(const char* definition_json, size_t definition_size, const char* const* overlays,
                                  const size_t* overlay_sizes, size_t overlay_count, yr_program** out,
                                  char** out_error) {
    if (out != nullptr) *out = nullptr;
    return api_entry_r(out_error, [&] {
        const auto definition = yr_capi::document(definition_json, definition_size, "definition_json");
        require(out, "out");
        if (overlay_count > 0) require(overlay_sizes, "overlay_sizes");
        const auto texts = yr_capi::read_overlays(overlays, overlay_sizes, overlay_count);
        *out = yr_capi::new_handle(yr_capi::with_overlays(yrkesresan::Program::from_json(definition), texts));
    });
}

YR_API int yr_program_definition_r(const yr_program* program, char** out_json, size_t* out_size,
                                   char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        require(program, "program");
        require(out_json, "out_json");
        yr_capi::give(program->program.to_json(), out_json, out_size);
    });
}

YR_API int yr_program_rule_book_r(const yr_program* program, int format, char** out, size_t* out_size,
                                  char** out_error) {
    yr_capi::clear(out, out_size);
    return api_entry_r(out_error, [&] {
        require(program, "program");
        const auto f = yr_capi::rule_book_format(format);
        require(out, "out");
        yr_capi::give(yrkesresan::rule_book(program->program, f), out, out_size);
    });
}

YR_API int yr_evaluate_r(const yr_program* program, const char* person_json, size_t person_size, const char* as_of,
                         const char* options_json, size_t options_size, char** out_json, size_t* out_size,
                         char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        // Arguments are checked (in parameter order) before the record is read.
        require(program, "program");
        const auto person = yr_capi::document(person_json, person_size, "person_json");
        const auto date = yr_capi::read_iso_date(as_of, "as_of");
        const auto options = yr_capi::evaluate_options_json(options_json, options_size);
        require(out_json, "out_json");
        const auto record = yrkesresan::PersonRecord::from_json(person);
        yr_capi::give(yrkesresan::evaluate(program->program, record, date, options).to_json(), out_json, out_size);
    });
}

YR_API int yr_certificate_issue_r(const yr_program* program, const char* person_json, size_t person_size,
                                  const char* as_of, const char* component, const char* options_json,
                                  size_t options_size, char** out_json, size_t* out_size, char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        require(program, "program");
        const auto person = yr_capi::document(person_json, person_size, "person_json");
        const auto date = yr_capi::read_iso_date(as_of, "as_of");
        require(component, "component");
        const auto options = yr_capi::certificate_options_json(options_json, options_size);
        require(out_json, "out_json");
        const auto record = yrkesresan::PersonRecord::from_json(person);
        yr_capi::give(yrkesresan::issue_certificate(program->program, record, date, component, options).to_json(),
                      out_json, out_size);
    });
}

YR_API int yr_credential_issue_r(const yr_program* program, const char* person_json, size_t person_size,
                                 const char* as_of, const char* component, const char* issuer_id,
                                 const char* issuer_name, const yr_signing_key* key, const char* options_json,
                                 size_t options_size, char** out_json, size_t* out_size, char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        require(program, "program");
        const auto person = yr_capi::document(person_json, person_size, "person_json");
        const auto date = yr_capi::read_iso_date(as_of, "as_of");
        require(component, "component");
        require(issuer_id, "issuer_id");
        require(issuer_name, "issuer_name");
        require(key, "key");
        auto options = yr_capi::credential_options_json(options_json, options_size);
        options.issuer.id = issuer_id;
        options.issuer.name = issuer_name;
        require(out_json, "out_json");
        const auto record = yrkesresan::PersonRecord::from_json(person);
        const auto certificate = yrkesresan::issue_certificate(program->program, record, date, component, options.issue);
        yr_capi::give(yrkesresan::sign_certificate(certificate, options.issuer, key->key, options.sign), out_json,
                      out_size);
    });
}

YR_API int yr_credential_verify_r(const char* credential_json, size_t credential_size,
                                  const char* trusted_issuers_json, size_t trusted_issuers_size, const char* now,
                                  char** out_json, size_t* out_size, char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        const auto credential = yr_capi::document(credential_json, credential_size, "credential_json");
        const auto trusted_text = yr_capi::document(trusted_issuers_json, trusted_issuers_size, "trusted_issuers_json");
        require(now, "now");
        require(out_json, "out_json");
        const auto trusted = yrkesresan::trusted_issuers_from_json(trusted_text);
        yrkesresan::VerificationResult result;
        try {
            result = yrkesresan::verify_credential(credential, trusted, yrkesresan::VerifyOptions{now});
        } catch (const yrkesresan::Error&) {
            // A bad credential is a status; the only error left is the time.
            throw yr_capi::ArgumentError{"invalid_argument",
                                         "argument 'now' is not an xsd:dateTimeStamp (YYYY-MM-DDThh:mm:ssZ)"};
        }
        yr_capi::give(result.to_json(), out_json, out_size);
    });
}

YR_API int yr_certificate_html_r(const char* credential_json, size_t credential_size, char** out_html,
                                 size_t* out_size, char** out_error) {
    yr_capi::clear(out_html, out_size);
    return api_entry_r(out_error, [&] {
        const auto credential = yr_capi::document(credential_json, credential_size, "credential_json");
        require(out_html, "out_html");
        yr_capi::give(yrkesresan::certificate_html(credential), out_html, out_size);
    });
}

YR_API int yr_json_canonicalize_r(const char* json, size_t json_size, char** out_json, size_t* out_size,
                                  char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        const auto text = yr_capi::document(json, json_size, "json");
        require(out_json, "out_json");
        yr_capi::give(yrkesresan::canonicalize_json(text), out_json, out_size);
    });
}

YR_API int yr_coordinate_r(const yr_program* program, const char* request_json, size_t request_size,
                           char** out_json, size_t* out_size, char** out_error) {
    yr_capi::clear(out_json, out_size);
    return api_entry_r(out_error, [&] {
        require(program, "program");
        const auto request_text = yr_capi::document(request_json, request_size, "request_json");
        require(out_json, "out_json");
        const auto request = yrkesresan::CoordinationRequest::from_json(request_text);
        yr_capi::give(yrkesresan::coordinate(program->program, request).to_json(), out_json, out_size);
    });
}

YR_API int yr_signing_key_from_seed_r(const unsigned char* seed, size_t seed_size, yr_signing_key** out,
                                      char** out_error) {
    if (out != nullptr) *out = nullptr;
    return api_entry_r(out_error, [&] {
        require(seed, "seed");
        require(out, "out");
        if (seed_size != yrkesresan::SigningKey::seed_size)
            throw yr_capi::ArgumentError{"invalid_argument", "argument 'seed_size' is not 32"};
        *out = yr_capi::new_key(yrkesresan::SigningKey::from_seed(seed, seed_size));
    });
}

YR_API int yr_signing_key_from_multibase_r(const char* private_key_multibase, yr_signing_key** out,
                                           char** out_error) {
    if (out != nullptr) *out = nullptr;
    return api_entry_r(out_error, [&] {
        require(private_key_multibase, "private_key_multibase");
        require(out, "out");
        *out = yr_capi::new_key(yrkesresan::SigningKey::from_multibase(private_key_multibase));
    });
}

YR_API int yr_signing_key_generate_r(yr_signing_key** out, char** out_error) {
    if (out != nullptr) *out = nullptr;
    return api_entry_r(out_error, [&] {
        require(out, "out");
        *out = yr_capi::new_key(yrkesresan::SigningKey::generate());
    });
}

YR_API int yr_signing_key_private_multibase_r(const yr_signing_key* key, char** out, size_t* out_size,
                                              char** out_error) {
    yr_capi::clear(out, out_size);
    return api_entry_r(out_error, [&] {
        require(key, "key");
        require(out, "out");
        std::string secret = key->key.private_key_multibase();
        yr_capi::give(secret, out, out_size);
        std::memset(secret.data(), 0, secret.size());
    });
}

}  // extern "C"
