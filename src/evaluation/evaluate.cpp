// evaluate(): decode the person record, assess (the rules), describe (the words).
#include "assessment.hpp"
#include "describe.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/experience.hpp"

YRKESRESAN_BEGIN_NAMESPACE

std::string_view to_string(ItemState state) noexcept {
    switch (state) {
        case ItemState::done: return "done";
        case ItemState::waived: return "waived";
        case ItemState::blocked: return "blocked";
        case ItemState::overdue: return "overdue";
        case ItemState::pending: return "pending";
    }
    return "";
}

std::string_view to_string(Action::Kind kind) noexcept {
    switch (kind) {
        case Action::Kind::item: return "item";
        case Action::Kind::assign_codes: return "assign_codes";
        case Action::Kind::name_role_holder: return "name_role_holder";
        case Action::Kind::enrol: return "enrol";
        case Action::Kind::submit_homework: return "submit_homework";
        case Action::Kind::issue_certificate: return "issue_certificate";
    }
    return "";
}

std::string_view to_string(Eligibility e) noexcept {
    switch (e) {
        case Eligibility::not_targeted: return "not_targeted";
        case Eligibility::not_yet: return "not_yet";
        case Eligibility::eligible: return "eligible";
        case Eligibility::window_passed: return "window_passed";
        case Eligibility::in_progress: return "in_progress";
        case Eligibility::completed: return "completed";
    }
    return "";
}

std::string_view to_string(ModuleState s) noexcept {
    switch (s) {
        case ModuleState::completed: return "completed";
        case ModuleState::available: return "available";
        case ModuleState::locked: return "locked";
    }
    return "";
}

std::string_view to_string(CertificateStatus s) noexcept {
    switch (s) {
        case CertificateStatus::issued: return "issued";
        case CertificateStatus::due: return "due";
        case CertificateStatus::not_due: return "not_due";
    }
    return "";
}

std::string_view to_string(Compliance c) noexcept {
    switch (c) {
        case Compliance::met: return "met";
        case Compliance::open: return "open";
        case Compliance::not_met: return "not_met";
        case Compliance::partial_year: return "partial_year";
    }
    return "";
}

Evaluation evaluate(const Program& program, const PersonRecord& person, Date as_of, const EvaluateOptions& options) {
    // Overlays dated after the employment began do not apply to the person.
    const detail::ProgramData& data = detail::program_data(program).for_employment(person.employment_start);
    detail::PersonFacts facts;
    detail::decode_person(data, person, as_of, facts);
    detail::Assessment assessment;
    detail::assess(data, facts, as_of, assessment);
    return detail::describe(data, person, facts, assessment, as_of, options.language);
}

double introduktor_hours_owed(const Program& program, const PersonRecord& person, Date from, Date until) {
    for (const auto& c : detail::program_data(program).components)
        if (c.kind == ComponentKind::introduktor)
            return detail::introduktor_hours_owed(c, Clock::employment(person), from, until);
    throw Error(ErrorCode::unknown_reference, "", "the program has no introduktör component");
}

YRKESRESAN_END_NAMESPACE
