// Recording a person's events as facts (R3-R5, R8), and decoding a person
// record into them.
#include <algorithm>

#include "assessment.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

void PersonFacts::reset(const ProgramData& program) {
    leaves.clear();
    hired_on = no_day;
    named_fa = named_forste = named_mentor = named_introduktor = false;
    has_mentor_profile = mentor_same_municipality = false;
    prior_experience_months = 0;
    done.clear();
    attended.assign(program.modules.size(), no_day);
    attended_event.assign(program.modules.size(), -1);
    homework.assign(program.modules.size(), no_day);
    sessions.resize(program.components.size());
    for (auto& s : sessions) s.clear();
    issued.assign(program.components.size(), no_day);
    event_warnings.clear();
}

void PersonFacts::item_done(std::uint32_t entry, std::int32_t day) {
    // The earliest completion counts; every other record of the item is kept
    // as a warning, whatever order the records come in.
    auto& d = done[entry];
    if (d != no_day)
        event_warnings.push_back({RawWarning::Code::duplicate_item_event, static_cast<std::int32_t>(entry), -1, std::max(d, day)});
    if (d == no_day || day < d) d = day;
}

void PersonFacts::removed_item_done(std::uint32_t item, std::int32_t day) {
    event_warnings.push_back({RawWarning::Code::event_for_removed_item, static_cast<std::int32_t>(item), -1, day});
}

void PersonFacts::unknown_in_program(std::int32_t event, EventType type, std::int32_t day) {
    event_warnings.push_back({RawWarning::Code::unknown_in_program, event, -1, day, static_cast<std::int32_t>(type)});
}

void PersonFacts::module_attended(const ProgramData&, std::uint32_t module, std::int32_t day, std::int32_t event) {
    // A module attended again (a later round) keeps its first attendance.
    if (attended[module] == no_day || day < attended[module]) {
        attended[module] = day;
        attended_event[module] = event;
    }
}

void PersonFacts::homework_submitted(const ProgramData& program, std::uint32_t module, std::int32_t day) {
    if (!program.modules[module].has_homework()) {
        event_warnings.push_back({RawWarning::Code::homework_without_task, static_cast<std::int32_t>(module), -1, day});
        return;
    }
    if (homework[module] == no_day || day < homework[module]) homework[module] = day;
}

void PersonFacts::session_attended(std::uint32_t component, std::int32_t day) { sessions[component].push_back(day); }

void PersonFacts::certificate_issued(std::uint32_t component, std::int32_t day) {
    if (issued[component] == no_day || day < issued[component]) issued[component] = day;
}

void PersonFacts::finish_events(const ProgramData& program) {
    for (std::uint32_t c = 0; c < program.components.size(); ++c) {
        auto& s = sessions[c];
        std::sort(s.begin(), s.end());
        if (program.components[c].kind != Component::Kind::supervision) continue;
        // Supervision meets once a day: every further record of a day is kept as a warning.
        for (std::size_t i = 1; i < s.size(); ++i)
            if (s[i] == s[i - 1])
                event_warnings.push_back({RawWarning::Code::duplicate_session, static_cast<std::int32_t>(c), -1, s[i]});
        s.erase(std::unique(s.begin(), s.end()), s.end());
    }
}

namespace {

std::string event_path(std::size_t i, std::string_view field) {
    return "/events/" + std::to_string(i) + "/" + std::string(field);
}

}  // namespace

void decode_person(const ProgramData& program, const PersonRecord& person, Date as_of, PersonFacts& facts, bool items) {
    facts.reset(program);
    facts.employment_start = person.employment_start;
    facts.hired_on = person.hired_on ? person.hired_on->day_number() : no_day;
    facts.experience_start = person.experience_start();
    facts.prior_experience_months = person.prior_experience_months;
    facts.leaves = person.leaves;
    facts.named_fa = person.people.count("FA") > 0;
    facts.named_forste = person.people.count("1:e") > 0;
    facts.named_introduktor = person.people.count("introduktor") > 0;
    facts.named_mentor = person.people.count("mentor") > 0 || (person.mentor && !person.mentor->id.empty());
    if (person.mentor) {
        facts.has_mentor_profile = true;
        facts.mentor_same_municipality = person.mentor->municipality == person.municipality;
        facts.mentor_anchor = person.mentor->profession_start.add_months(-person.mentor->prior_experience_months);
    }

    Diagnostics diag;
    if (items) {
        facts.plan = build_plan(program, person);
        facts.done.assign(facts.plan.entries.size(), no_day);
    }
    // Item events first, then component events: the order problems and warnings are reported in.
    for (std::size_t i = 0; i < person.events.size(); ++i) {
        const Event& e = person.events[i];
        // A completion after as_of is an input error (R3).
        if (e.date > as_of) {
            if (items) diag.add(ErrorCode::future_event, event_path(i, "date"), "recorded after the evaluation date");
            continue;
        }
        if (!items || e.type != EventType::item_done) continue;
        bool removed = false;
        if (auto entry = facts.plan.find(e.ref, program, person, &removed)) facts.item_done(*entry, e.date.day_number());
        else if (removed) facts.removed_item_done(program.item_index.find(e.ref)->second, e.date.day_number());
        else facts.unknown_in_program(static_cast<std::int32_t>(i), e.type, e.date.day_number());
    }
    for (std::size_t i = 0; i < person.events.size(); ++i) {
        const Event& e = person.events[i];
        if (e.type == EventType::item_done || e.date > as_of) continue;
        const std::int32_t day = e.date.day_number();
        if (e.type == EventType::module_attended || e.type == EventType::homework_submitted) {
            auto m = program.module_index.find(e.ref);
            if (m == program.module_index.end()) {
                facts.unknown_in_program(static_cast<std::int32_t>(i), e.type, day);
            } else if (e.type == EventType::module_attended) {
                facts.module_attended(program, m->second, day, static_cast<std::int32_t>(i));
            } else {
                facts.homework_submitted(program, m->second, day);
            }
            continue;
        }
        auto c = program.component_index.find(e.ref);
        const Component* component = c == program.component_index.end() ? nullptr : &program.components[c->second];
        if (!component) {
            facts.unknown_in_program(static_cast<std::int32_t>(i), e.type, day);
        } else if (e.type == EventType::session_attended) {
            if (component->kind != Component::Kind::supervision && component->kind != Component::Kind::annual)
                diag.add(ErrorCode::unknown_reference, event_path(i, "component"),
                         "no supervision or annual activity with this id in the program");
            else facts.session_attended(c->second, day);
        } else if (!component->certificate) {  // certificate_issued
            diag.add(ErrorCode::unknown_reference, event_path(i, "component"),
                     "no component with this id and a certificate in the program");
        } else {
            facts.certificate_issued(c->second, day);
        }
    }
    facts.finish_events(program);
    diag.throw_if_any();
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
