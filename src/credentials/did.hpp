// Reading a DID document (did.json) into the keys of a trusted issuer, shared
// by trusted_issuer_from_did_document and the trusted-issuer list's
// "didDocument" entries.
#pragma once

#include <string>

#include "json_input.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// The document's id and its Ed25519 Multikey assertion methods; problems go to
// `diag` with paths under `path`. Other members of the document are ignored.
TrustedIssuer read_did_document(const json& doc, const std::string& path, Diagnostics& diag);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
