// One exception family with stable codes and JSON Pointer paths.
//
// Messages name the problem and where it is, never the offending value: input
// may hold personal data (docs/rules.md, "Personal data").
#pragma once

#include "yrkesresan/version.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

YRKESRESAN_BEGIN_NAMESPACE

enum class ErrorCode {
    parse_error,        // not well-formed JSON (or invalid UTF-8, or a duplicate key)
    limit_exceeded,     // input past a limit (docs/limits.md): size, depth, string length, items, values, number range
    wrong_type,         // a value of the wrong JSON type
    missing_field,      // a required field is absent
    unknown_field,      // a field the format does not define (a misspelling must not pass)
    invalid_value,      // a value outside what the format allows
    invalid_date,       // malformed or non-existent date
    reversed_period,    // a period that ends before it starts
    unknown_code,       // not one of EC, 1:e, FA, AD, SJ, EJ
    conflicting_codes,  // EJ together with another code
    unknown_reference,  // an id that names nothing (item, checklist, module, phase...)
    duplicate_id,       // an id used twice where ids must be unique
    phase_gap,          // phases leave a range of experience uncovered
    phase_overlap,      // two phases cover the same experience
    cycle,              // prerequisites that depend on themselves
    future_event,       // a recorded completion after the evaluation date
    not_found,          // no built-in program with that id
    requirements_not_met,  // a certificate asked for before its requirements are met
    // The missing requirements of a certificate: the problems of a
    // requirements_not_met error, with the codes of the evaluation's
    // certificates[].missing findings.
    module_not_attended,     // a module of the course not attended (path /modules/<id>)
    homework_not_submitted,  // a module's homework not submitted (path /modules/<id>)
    sessions_missing,        // supervision sessions still to come (path /components/<id>)
    attendance_period_over,  // the supervision's period ended with too few sessions (path /components/<id>)
};

// Stable snake_case name of a code, as used in JSON and by other faces.
std::string_view to_string(ErrorCode code) noexcept;

// What kind of failure a code is: one table, which the C ABI's return codes
// and the Python exception classes both follow.
enum class ErrorClass {
    parse,      // not well-formed JSON
    limit,      // past a limit
    format,     // well-formed but breaking its format (types, fields, values, dates, codes, duplicate ids)
    reference,  // naming an id that does not exist
    rules,      // a program that does not hold together (phases, cycles)
    conflict,   // a record that contradicts the evaluation date
    not_found,  // no built-in program with that id
    not_met,    // a certificate's requirements not met (and each missing requirement)
};
ErrorClass error_class(ErrorCode code) noexcept;
std::string_view to_string(ErrorClass error_class) noexcept;

struct Problem {
    ErrorCode code;
    std::string path;     // JSON Pointer (RFC 6901) into the offending document; "" = the document
    std::string message;  // English; never quotes an input value
    // Where in the document's text, 1-based, when known (syntax errors, and
    // every finding of check_program); 0 otherwise. Columns count characters.
    std::size_t line = 0, column = 0;
};

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string path, std::string message);
    // Several problems found in one document (program validation reports all);
    // the first is also the error's own code, path and message.
    explicit Error(std::vector<Problem> problems);
    // An error whose problems are its details rather than its first problem:
    // requirements_not_met lists each missing requirement with its own code
    // and path, while the error itself is the request as a whole.
    Error(Problem summary, std::vector<Problem> problems);

    ErrorCode code() const noexcept { return summary_.code; }
    const std::string& path() const noexcept { return summary_.path; }
    const std::string& message() const noexcept { return summary_.message; }
    const std::vector<Problem>& problems() const noexcept { return problems_; }

private:
    std::vector<Problem> problems_;
    Problem summary_;
};

// Escapes one reference token for a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string json_pointer_token(std::string_view token);

YRKESRESAN_END_NAMESPACE
