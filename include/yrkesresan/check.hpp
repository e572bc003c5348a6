// The program checker: what an author of a program (and of its overlays) is
// told before anyone is evaluated against it. Beside every error that stops
// the program loading, it warns about what loads but cannot be right (a
// citation of a document the program does not list, a certificate asking
// for more sessions than the supervision offers...). docs/authoring.md lists
// every warning and how to resolve it.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

YRKESRESAN_BEGIN_NAMESPACE

struct CheckFinding {
    enum class Severity { error, warning };
    Severity severity = Severity::error;
    // An error's code is an ErrorCode's name (error.hpp); a warning's one of
    // docs/authoring.md's ("unknown_source", "certificate_unreachable"...).
    std::string code;
    // The document it is in: 0 the program, k the k-th overlay (1-based).
    std::size_t document = 0;
    std::string path;  // JSON Pointer into that document; "" = the document
    // Where in that document's text, 1-based (columns count characters); 0
    // when the place could not be found in the text.
    std::size_t line = 0, column = 0;
    std::string message;  // English; names ids of the program, never a personal value
};
std::string_view to_string(CheckFinding::Severity severity) noexcept;

struct CheckReport {
    std::vector<CheckFinding> findings;  // errors first (as the loader reports them), then warnings in document order
    // Whether the program (with its overlays) loads: no finding is an error.
    bool loads() const noexcept;
    // {"loads": bool, "errors": n, "warnings": n, "findings": [{"severity",
    //  "code", "document", "path", "line", "column", "message"}]}
    std::string to_json() const;
};

// Checks a program definition and the overlays to be layered on it, in
// order. Never throws for a bad document (every problem is a finding); an
// overlay is checked only when the program and the overlays before it load.
CheckReport check_program(std::string_view definition, const std::vector<std::string>& overlays = {});

YRKESRESAN_END_NAMESPACE
