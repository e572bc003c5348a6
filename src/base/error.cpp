#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {
std::vector<Problem> non_empty(std::vector<Problem> problems) {
    if (problems.empty()) problems.push_back({ErrorCode::invalid_value, "", "invalid input"});
    return problems;
}

std::string describe(const Problem& p, std::size_t count) {
    std::string s = "[yrkesresan.";
    s += to_string(p.code);
    s += "] ";
    s += p.path.empty() ? std::string("(document)") : p.path;
    s += ": ";
    s += p.message;
    if (count > 1) s += " (and " + std::to_string(count - 1) + " more problems)";
    return s;
}

std::string describe(const std::vector<Problem>& problems) { return describe(problems.front(), problems.size()); }
}  // namespace

ErrorClass error_class(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::parse_error: return ErrorClass::parse;
        case ErrorCode::limit_exceeded: return ErrorClass::limit;
        case ErrorCode::wrong_type:
        case ErrorCode::missing_field:
        case ErrorCode::unknown_field:
        case ErrorCode::invalid_value:
        case ErrorCode::invalid_date:
        case ErrorCode::reversed_period:
        case ErrorCode::unknown_code:
        case ErrorCode::conflicting_codes:
        case ErrorCode::duplicate_id: return ErrorClass::format;
        case ErrorCode::unknown_reference: return ErrorClass::reference;
        case ErrorCode::phase_gap:
        case ErrorCode::phase_overlap:
        case ErrorCode::cycle: return ErrorClass::rules;
        case ErrorCode::future_event: return ErrorClass::conflict;
        case ErrorCode::not_found: return ErrorClass::not_found;
        case ErrorCode::requirements_not_met:
        case ErrorCode::module_not_attended:
        case ErrorCode::homework_not_submitted:
        case ErrorCode::sessions_missing:
        case ErrorCode::attendance_period_over: return ErrorClass::not_met;
    }
    return ErrorClass::format;
}

std::string_view to_string(ErrorClass c) noexcept {
    switch (c) {
        case ErrorClass::parse: return "parse";
        case ErrorClass::limit: return "limit";
        case ErrorClass::format: return "format";
        case ErrorClass::reference: return "reference";
        case ErrorClass::rules: return "rules";
        case ErrorClass::conflict: return "conflict";
        case ErrorClass::not_found: return "not_found";
        case ErrorClass::not_met: return "not_met";
    }
    return "format";
}

std::string_view to_string(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::parse_error: return "parse_error";
        case ErrorCode::limit_exceeded: return "limit_exceeded";
        case ErrorCode::wrong_type: return "wrong_type";
        case ErrorCode::missing_field: return "missing_field";
        case ErrorCode::unknown_field: return "unknown_field";
        case ErrorCode::invalid_value: return "invalid_value";
        case ErrorCode::invalid_date: return "invalid_date";
        case ErrorCode::reversed_period: return "reversed_period";
        case ErrorCode::unknown_code: return "unknown_code";
        case ErrorCode::conflicting_codes: return "conflicting_codes";
        case ErrorCode::unknown_reference: return "unknown_reference";
        case ErrorCode::duplicate_id: return "duplicate_id";
        case ErrorCode::phase_gap: return "phase_gap";
        case ErrorCode::phase_overlap: return "phase_overlap";
        case ErrorCode::cycle: return "cycle";
        case ErrorCode::future_event: return "future_event";
        case ErrorCode::not_found: return "not_found";
        case ErrorCode::requirements_not_met: return "requirements_not_met";
        case ErrorCode::module_not_attended: return "module_not_attended";
        case ErrorCode::homework_not_submitted: return "homework_not_submitted";
        case ErrorCode::sessions_missing: return "sessions_missing";
        case ErrorCode::attendance_period_over: return "attendance_period_over";
    }
    return "unknown";
}

Error::Error(ErrorCode code, std::string path, std::string message)
    : Error(std::vector<Problem>{Problem{code, std::move(path), std::move(message)}}) {}

Error::Error(std::vector<Problem> problems)
    : std::runtime_error(describe(non_empty(problems))), problems_(non_empty(std::move(problems))),
      summary_(problems_.front()) {}

Error::Error(Problem summary, std::vector<Problem> problems)
    : std::runtime_error(describe(summary, problems.size())), problems_(non_empty(std::move(problems))),
      summary_(std::move(summary)) {}

std::string json_pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

YRKESRESAN_END_NAMESPACE
