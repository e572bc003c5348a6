// Issuing a certificate (intyg): JSON in, the certificate document out.
#include <string>

#include "api_entry.hpp"
#include "handles.hpp"
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/person.hpp"

using yr_capi::api_entry;
using yr_capi::require;

extern "C" {

YR_API int yr_certificate_options_init(yr_certificate_options* options, unsigned int version) {
    return api_entry([&] {
        require(options, "options");
        yr_capi::check_options_version(version, YR_CERTIFICATE_OPTIONS_VERSION, "version");
        // Only the fields of that version are written: the caller's struct may be older.
        options->version = version;
        options->issuer = nullptr;
    });
}

YR_API int yr_certificate_issue(const yr_program* program, const char* person_json, const char* as_of,
                                const char* component, const yr_certificate_options* options, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        // Arguments are checked (in parameter order) before the record is read.
        require(program, "program");
        require(person_json, "person_json");
        const yrkesresan::Date date = yr_capi::read_iso_date(as_of, "as_of");
        require(component, "component");
        yrkesresan::IssueOptions opts;
        if (options != nullptr) {
            yr_capi::check_options_version(options->version, YR_CERTIFICATE_OPTIONS_VERSION, "options");
            if (options->issuer != nullptr) opts.issuer = options->issuer;  // version 1
        }
        require(out_json, "out_json");
        const auto person = yrkesresan::PersonRecord::from_json(person_json);
        *out_json = yr_capi::to_c_string(
            yrkesresan::issue_certificate(program->program, person, date, component, opts).to_json());
    });
}

}  // extern "C"
