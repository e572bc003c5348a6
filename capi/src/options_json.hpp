// Options given as JSON text ({"language": "en"}), so that a binding needs
// no struct layout, version or INIT macro. A problem with the options is an
// invalid argument (YR_EINVALID) whose kind and path say what and where:
// unknown_field at "/lang", invalid_value at "/language".
#pragma once

#include <cstddef>

#include "yrkesresan/certificate.hpp"
#include "yrkesresan/credential.hpp"
#include "yrkesresan/evaluation.hpp"

namespace yr_capi {

// text NULL (size 0): the defaults.
yrkesresan::EvaluateOptions evaluate_options_json(const char* text, std::size_t size);
yrkesresan::IssueOptions certificate_options_json(const char* text, std::size_t size);

struct CredentialOptions {
    yrkesresan::IssuerProfile issuer;  // id and name come from the call's arguments
    yrkesresan::SignOptions sign;
    yrkesresan::IssueOptions issue;
};
CredentialOptions credential_options_json(const char* text, std::size_t size);

}  // namespace yr_capi
