// The shape of the library's OpenBadgeCredential, shared by issuing,
// verifying and printing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto.hpp"
#include "date_time.hpp"
#include "json_value.hpp"
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

inline constexpr const char* vc_context_v2 = "https://www.w3.org/ns/credentials/v2";
inline constexpr const char* ob_context_v3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
// The R8 content (Certificate::content_json) rides at the credential's top
// level, which Open Badges leaves open to extensions (AchievementSubject is
// closed in 1EdTech's JSON Schema).
inline constexpr std::string_view content_member = "yrkesresanIntyg";
// The library's JSON-LD context for that content, embedded in @context as an
// object so that nothing is fetched: it gives the member and every key inside
// it an IRI, so that JSON-LD expansion in safe mode keeps them all. A
// property-scoped context may redefine the protected "id" and "issuer" of VC
// 2.0 for the content alone. Canonical (JCS) text, written as it stands.
inline constexpr std::string_view certificate_context =
    R"({"yrkesresanIntyg":{"@context":{)"
    R"("assumption":"urn:yrkesresan:terms:assumption",)"
    R"("completed_on":{"@id":"urn:yrkesresan:terms:completed_on","@type":"http://www.w3.org/2001/XMLSchema#date"},)"
    R"("component":"urn:yrkesresan:terms:component",)"
    R"("date":{"@id":"urn:yrkesresan:terms:date","@type":"http://www.w3.org/2001/XMLSchema#date"},)"
    R"("homework_submitted":{"@id":"urn:yrkesresan:terms:homework_submitted","@type":"http://www.w3.org/2001/XMLSchema#date"},)"
    R"("hours":"urn:yrkesresan:terms:hours",)"
    R"("id":"urn:yrkesresan:terms:id",)"
    R"("issuer":"urn:yrkesresan:terms:issuer",)"
    R"("label":"urn:yrkesresan:terms:label",)"
    R"("language":"urn:yrkesresan:terms:language",)"
    R"("organisation":"urn:yrkesresan:terms:organisation",)"
    R"("pages":"urn:yrkesresan:terms:pages",)"
    R"("parts":"urn:yrkesresan:terms:parts",)"
    R"("person":"urn:yrkesresan:terms:person",)"
    R"("program":"urn:yrkesresan:terms:program",)"
    R"("quote":"urn:yrkesresan:terms:quote",)"
    R"("round":"urn:yrkesresan:terms:round",)"
    R"("seed":"urn:yrkesresan:terms:seed",)"
    R"("source":"urn:yrkesresan:terms:source",)"
    R"("title":"urn:yrkesresan:terms:title",)"
    R"("version":"urn:yrkesresan:terms:version")"
    R"(},"@id":"urn:yrkesresan:terms:intyg"}})";
// The credential's @context: VC 2.0, Open Badges 3.0.3, the content's terms.
std::string credential_context_text();

// Bitstring Status List: the spec's minimum (16 KiB, for herd privacy) is
// the size the library writes; the largest it reads is 2^26 entries.
inline constexpr std::uint64_t status_list_size = 131072;
inline constexpr std::uint64_t max_status_list_size = std::uint64_t{1} << 26;

class JcsWriter;

// The key `method` names, if `issuer` (a trusted entry) allows it: a DID
// issuer controls only its own DID's methods; a did:key issuer is its key.
std::optional<Bytes32> trusted_key(const TrustedIssuer& issuer, std::string_view method);

// A credential's credentialStatus against the status lists the host holds
// (status_list.cpp); `message` says why when not ok.
enum class StatusCheck { ok, revoked, unavailable, malformed };
StatusCheck check_status(const JsonValue& status, const TrustedIssuer& issuer, const std::vector<std::string>& lists,
                         const Instant& now, std::string& message);

// proof.verificationMethod for `issuer` signing with `key` (SignOptions).
std::string signing_method(const IssuerProfile& issuer, const SigningKey& key, std::string_view requested);

// The content object, member for member as Certificate::content_json().
void write_certificate_content(JcsWriter& w, const Certificate& c);
// The unsigned credential in canonical (JCS) form; *proof_at (if given)
// receives the offset where the member "proof" belongs.
std::string credential_text(const Certificate& c, const IssuerProfile& issuer, std::string_view valid_from,
                            const SignOptions& options, std::size_t* proof_at);

// verify_credential without its fast path for canonical text: the reference
// the fast path is tested against.
VerificationResult verify_credential_general(std::string_view credential_json, const std::vector<TrustedIssuer>& trusted,
                                             const VerifyOptions& options);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
