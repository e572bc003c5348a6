// R8 certificates (intyg): issued only when the requirements are met,
// idempotently, with a deterministic id.
#pragma once

#include "yrkesresan/version.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE

// One module (with its homework) or one supervision session.
struct CertificatePart {
    std::string id;     // module id, or the session's ordinal "s1", "s2", ...
    std::string label;
    Date date;          // attended
    std::optional<Date> homework_submitted;
    std::string round;
};

struct Certificate {
    std::string id;  // "urn:yrkesresan:intyg:<hex>", a hash of person, program version, component and facts
    std::string person;
    std::string program, program_version, program_title;
    std::string component, component_label;
    Date completed_on;  // the day the last requirement was met
    std::vector<CertificatePart> parts;
    std::optional<double> hours;  // absent when the program gives no hours
    std::string issuer;  // the issuing organisation
    std::string language = "sv";
    SourceRef source;    // the rule that grants the certificate

    // The certificate's content as canonical JSON (sorted keys, no
    // whitespace): what the id names and what a proof is later made over.
    std::string content_json() const;
    // The certificate document:
    // {"type", "format", "id", "content": {...}, "proof": null}. A proof is
    // attached beside the content and never changes it.
    std::string to_json() const;
};

struct IssueOptions {
    std::string issuer;  // the issuing organisation; empty: the program's organisation
};

// Throws Error(requirements_not_met) naming what is missing, or
// Error(unknown_reference) for a component without a certificate.
Certificate issue_certificate(const Program& program, const PersonRecord& person, Date as_of,
                              std::string_view component, const IssueOptions& options = {});

YRKESRESAN_END_NAMESPACE
