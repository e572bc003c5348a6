#include "yrkesresan/error.hpp"

namespace yrkesresan {
namespace {
std::vector<Problem> non_empty(std::vector<Problem> problems) {
    if (problems.empty()) problems.push_back({ErrorCode::invalid_value, "", "invalid input"});
    return problems;
}

std::string describe(const std::vector<Problem>& problems) {
    const Problem& p = problems.front();
    std::string s = "[yrkesresan.";
    s += to_string(p.code);
    s += "] ";
    s += p.path.empty() ? std::string("(document)") : p.path;
    s += ": ";
    s += p.message;
    if (problems.size() > 1) s += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    return s;
}
}  // namespace

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
    }
    return "unknown";
}

Error::Error(ErrorCode code, std::string path, std::string message)
    : Error(std::vector<Problem>{Problem{code, std::move(path), std::move(message)}}) {}

Error::Error(std::vector<Problem> problems)
    : std::runtime_error(describe(non_empty(problems))), problems_(non_empty(std::move(problems))) {}

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

}  // namespace yrkesresan
