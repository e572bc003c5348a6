// The shape of the library's OpenBadgeCredential, shared by issuing,
// verifying and printing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "json_value.hpp"
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/credential.hpp"

namespace yrkesresan::detail {

inline constexpr const char* vc_context_v2 = "https://www.w3.org/ns/credentials/v2";
inline constexpr const char* ob_context_v3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
// The R8 content (Certificate::content_json) rides at the credential's top
// level, which Open Badges leaves open to extensions (AchievementSubject is
// closed in 1EdTech's JSON Schema); VC 2.0's @vocab gives the term its IRI.
inline constexpr std::string_view content_member = "yrkesresanIntyg";

class JcsWriter;

// The content object, member for member as Certificate::content_json().
void write_certificate_content(JcsWriter& w, const Certificate& c);
// The unsigned credential in canonical (JCS) form; *proof_at (if given)
// receives the offset where the member "proof" belongs.
std::string credential_text(const Certificate& c, const IssuerProfile& issuer, std::string_view valid_from,
                            std::size_t* proof_at);

// verify_credential without its fast path for canonical text: the reference
// the fast path is tested against.
VerificationResult verify_credential_general(std::string_view credential_json, const std::vector<TrustedIssuer>& trusted,
                                             const VerifyOptions& options);

}  // namespace yrkesresan::detail
