// Issuer identity (DIDs) and revocation (W3C Bitstring Status List) through
// the C ABI: converts, calls the C++ API (yrkesresan/credential.hpp),
// translates errors.
#include <cstdint>
#include <string>
#include <vector>

#include "api_entry.hpp"
#include "handles.hpp"
#include "jcs.hpp"
#include "json_input.hpp"
#include "json_value.hpp"
#include "yrkesresan/credential.hpp"
#include "yrkesresan/error.hpp"

namespace yr_capi {
namespace {

// A JSON array of `what` (strings, or documents kept as their canonical
// text); anything else is YR_EFORMAT with the path of the item.
std::vector<std::string> json_items(const char* text, bool strings) {
    namespace d = yrkesresan::detail;
    const d::JsonValue list = d::read_json_strict(text, {16u << 20, 32, 12u << 20, 1000, 1'000'000});
    if (!list.is_array())
        throw yrkesresan::Error(yrkesresan::ErrorCode::wrong_type, "", "a JSON array is expected");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.items().size(); ++i) {
        const auto& item = list.items()[i];
        if (strings ? !item.is_string() : !item.is_object())
            throw yrkesresan::Error(yrkesresan::ErrorCode::wrong_type, "/" + std::to_string(i),
                                    strings ? "a string is expected" : "a status list credential (an object) is expected");
        out.push_back(strings ? std::string(item.str()) : d::jcs(item));
    }
    return out;
}

}  // namespace
}  // namespace yr_capi

using yr_capi::api_entry;
using yr_capi::require;

extern "C" {

YR_API int yr_did_web_from_url(const char* https_url, char** out_did) {
    if (out_did != nullptr) *out_did = nullptr;
    return api_entry([&] {
        require(https_url, "https_url");
        require(out_did, "out_did");
        *out_did = yr_capi::to_c_string(yrkesresan::did_web_from_url(https_url));
    });
}

YR_API int yr_did_document(const char* did, const char* public_keys_json, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(did, "did");
        require(public_keys_json, "public_keys_json");
        require(out_json, "out_json");
        *out_json = yr_capi::to_c_string(yrkesresan::did_document(did, yr_capi::json_items(public_keys_json, true)));
    });
}

YR_API int yr_status_list_create(const char* list_url, const char* issuer_id, const char* issuer_name,
                                 const yr_signing_key* key, const char* valid_from, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(list_url, "list_url");
        require(issuer_id, "issuer_id");
        require(issuer_name, "issuer_name");
        require(key, "key");
        require(valid_from, "valid_from");
        require(out_json, "out_json");
        *out_json = yr_capi::to_c_string(
            yrkesresan::create_status_list(list_url, {issuer_id, issuer_name, "", ""}, key->key, valid_from));
    });
}

YR_API int yr_status_list_revoke(const char* status_list_json, unsigned long long index, const yr_signing_key* key,
                                 const char* valid_from, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(status_list_json, "status_list_json");
        require(key, "key");
        require(valid_from, "valid_from");
        require(out_json, "out_json");
        *out_json = yr_capi::to_c_string(yrkesresan::revoke_in_status_list(status_list_json, index, key->key, valid_from));
    });
}

YR_API int yr_credential_verify_status(const char* credential_json, const char* trusted_issuers_json, const char* now,
                                       const char* status_lists_json, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(credential_json, "credential_json");
        require(trusted_issuers_json, "trusted_issuers_json");
        require(now, "now");
        require(status_lists_json, "status_lists_json");
        require(out_json, "out_json");
        const auto trusted = yrkesresan::trusted_issuers_from_json(trusted_issuers_json);
        yrkesresan::VerifyOptions options{now, yr_capi::json_items(status_lists_json, false)};
        yrkesresan::VerificationResult result;
        try {
            result = yrkesresan::verify_credential(credential_json, trusted, options);
        } catch (const yrkesresan::Error&) {
            // A bad credential is a status; the only error left is the time.
            throw yr_capi::ArgumentError{"invalid_argument",
                                         "argument 'now' is not an xsd:dateTimeStamp (YYYY-MM-DDThh:mm:ssZ)"};
        }
        *out_json = yr_capi::to_c_string(result.to_json());
    });
}

}  // extern "C"
