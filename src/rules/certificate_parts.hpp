// R8: what a certificate certifies. The modules attended (with their
// homework) or the supervision sessions counted, the hours they give, and
// the canonical key the certificate's id is a digest of: the same person,
// program version, component and completion facts give the same key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment.hpp"
#include "yrkesresan/certificate.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct CertificateContent {
    std::vector<CertificatePart> parts;
    std::optional<double> hours;  // absent when the program gives no hours
};

CertificateContent certificate_content(const ProgramData& program, const PersonRecord& person,
                                       const PersonFacts& facts, const CertificateOutcome& outcome);

// Canonical JSON (RFC 8785) of what the certificate stands for.
std::string certificate_key(const ProgramData& program, const std::string& person, const CertificateOutcome& outcome,
                            const std::vector<CertificatePart>& parts);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
