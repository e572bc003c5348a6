// The closed vocabularies of a person record, spelled once: every reader,
// writer and face (C ABI, Python) takes them from here.
#include "yrkesresan/person.hpp"

YRKESRESAN_BEGIN_NAMESPACE

std::string_view to_string(EventType type) noexcept {
    switch (type) {
        case EventType::item_done: return "item_done";
        case EventType::module_attended: return "module_attended";
        case EventType::homework_submitted: return "homework_submitted";
        case EventType::session_attended: return "session_attended";
        case EventType::certificate_issued: return "certificate_issued";
    }
    return "";
}

std::optional<EventType> parse_event_type(std::string_view text) noexcept {
    for (int i = 0; i < event_type_count; ++i) {
        const auto t = static_cast<EventType>(i);
        if (to_string(t) == text) return t;
    }
    return std::nullopt;
}

std::string_view to_string(LeaveKind kind) noexcept {
    switch (kind) {
        case LeaveKind::parental: return "parental";
        case LeaveKind::sick: return "sick";
        case LeaveKind::study: return "study";
        case LeaveKind::other: return "other";
    }
    return "";
}

std::optional<LeaveKind> parse_leave_kind(std::string_view text) noexcept {
    for (int i = 0; i < leave_kind_count; ++i) {
        const auto k = static_cast<LeaveKind>(i);
        if (to_string(k) == text) return k;
    }
    return std::nullopt;
}

YRKESRESAN_END_NAMESPACE
