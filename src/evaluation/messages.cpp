#include "messages.hpp"

#include <array>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

struct Template {
    std::string_view code;
    std::string_view sv;
    std::string_view en;
};

constexpr std::array templates = {
    Template{"fadder_not_named",
             "Punkter är tilldelade fadder (FA) men ingen fadder är utsedd.",
             "Items are assigned to the fadder (FA) but no fadder is named."},
    Template{"forste_not_named",
             "Punkter är tilldelade 1:e socialsekreterare (1:e) men ingen är utsedd.",
             "Items are assigned to the senior social worker (1:e) but none is named."},
    Template{"prerequisite_violation",
             "{item} markerades klar {date} innan förutsättningen {requires} var klar.",
             "{item} was marked done on {date} before its prerequisite {requires} was done."},
    Template{"duplicate_event",
             "{item} är markerad klar mer än en gång; det tidigaste datumet gäller.",
             "{item} is marked done more than once; the earliest date counts."},
    Template{"event_for_removed_item",
             "{item} är borttagen ur planen men har markerats klar {date}.",
             "{item} is removed from the plan but was marked done on {date}."},
    Template{"added_item", "En tillagd punkt", "An added item"},
    Template{"action_assign_codes",
             "Fyll i ansvar för {n} punkter i {checklist}",
             "Assign responsibility for {n} items in {checklist}"},
    Template{"action_name_fadder", "Utse fadder", "Name a fadder"},
    Template{"action_name_forste", "Utse 1:e socialsekreterare", "Name a senior social worker (1:e)"},
    Template{"not_targeted",
             "{months} mån erfarenhet vid anställningen: {component} riktas till {target} (under {max} mån). Enhetschefen kan ändå anmäla personen.",
             "{months} months of experience at employment: {component} is meant for {target} (under {max} months). The unit manager may still enrol the person."},
    Template{"not_targeted_experienced",
             "{months} mån erfarenhet vid anställningen: fönstret för {component} stängde {to}, innan anställningen började.",
             "{months} months of experience at employment: the window for {component} closed on {to}, before the employment began."},
    Template{"window_not_open", "{component} kan starta från {from} till och med {to}.",
             "{component} can start from {from} up to and including {to}."},
    Template{"window_open", "{component} kan starta nu, senast {to}.", "{component} can start now, by {to} at the latest."},
    Template{"window_passed", "Fönstret för {component} stängde {to} utan att personen har börjat.",
             "The window for {component} closed on {to} without the person starting."},
    Template{"window_passed_offer", "Erbjudandet om {component} togs inte i anspråk; fönstret stängde {to}.",
             "The offer of {component} was not taken up; the window closed on {to}."},
    Template{"started", "{component} påbörjades {date}.", "{component} started on {date}."},
    Template{"completed", "{component} är genomförd {date}.", "{component} was completed on {date}."},
    Template{"holder_named", "{component} är utsedd ({from} till och med {to}).", "{component} is named ({from} up to and including {to})."},
    Template{"holder_missing", "Ingen {component} är utsedd; gäller {from} till och med {to}.",
             "No {component} is named; applies from {from} up to and including {to}."},
    Template{"module_not_attended", "{module} är inte genomförd.", "{module} has not been attended."},
    Template{"homework_not_submitted", "Uppgiften efter {module} är inte inlämnad.", "The homework after {module} has not been submitted."},
    Template{"homework_of", "uppgiften efter {module}", "the homework after {module}"},
    Template{"sessions_missing", "{missing} av {required} tillfällen saknas.", "{missing} of {required} sessions are missing."},
    Template{"attendance_period_over",
             "Närvaroperioden {from} till och med {to} är slut med {counted} av {required} tillfällen.",
             "The attendance period {from} up to and including {to} is over with {counted} of {required} sessions."},
    Template{"homework_without_task", "{module} har ingen uppgift, men en inlämning är registrerad {date}.",
             "{module} has no homework, yet a submission is recorded on {date}."},
    Template{"started_outside_window", "{component} påbörjades {date}, utanför fönstret {from} till och med {to}.",
             "{component} started on {date}, outside the window {from} up to and including {to}."},
    Template{"mentor_same_municipality", "Mentorn kommer från samma kommun; mentorn ska komma från en annan kommun.",
             "The mentor is from the same municipality; the mentor should come from another municipality."},
    Template{"mentor_not_more_experienced", "Mentorn har inte mer erfarenhet ({mentor} mån) än personen ({months} mån).",
             "The mentor is not more experienced ({mentor} months) than the person ({months} months)."},
    Template{"certificate_issued_early", "Intyg för {component} är registrerat som utfärdat {date} fast kraven inte är uppfyllda.",
             "A certificate for {component} is recorded as issued on {date} although its requirements are not met."},
    // The unknown id itself is not repeated: it is the record's text, not the program's.
    Template{"unknown_in_program_item",
             "En punkt som inte finns i programmet är registrerad klar {date}; uppgiften sparas men räknas inte.",
             "An item the program does not have is recorded as done on {date}; the record is kept but does not count."},
    Template{"unknown_in_program_module",
             "En modul som inte finns i programmet är registrerad {date}; uppgiften sparas men räknas inte.",
             "A module the program does not have is recorded on {date}; the record is kept but does not count."},
    Template{"unknown_in_program_component",
             "En insats som inte finns i programmet är registrerad {date}; uppgiften sparas men räknas inte.",
             "A component the program does not have is recorded on {date}; the record is kept but does not count."},
    Template{"more_than_offered", "{attended} tillfällen {component} är registrerade {year}; programmet erbjuder {required}.",
             "{attended} sessions of {component} are recorded in {year}; the program offers {required}."},
    Template{"annual_status", "{component} {year}: {attended} av {required} tillfällen.",
             "{component} {year}: {attended} of {required} sessions."},
    Template{"action_enrol", "Anmäl till {component} (start senast {to})", "Enrol in {component} (start by {to})"},
    Template{"action_enrol_late", "Fönstret för {component} stängde {to}: anmäl till nästa omgång",
             "The window for {component} closed on {to}: enrol in the next round"},
    Template{"action_submit_homework", "Lämna in uppgiften efter {module}: {task}", "Submit the homework after {module}: {task}"},
    Template{"action_issue_certificate", "Utfärda intyg: {component}", "Issue the certificate: {component}"},
    Template{"action_name_mentor", "Utse mentor", "Name a mentor"},
    Template{"action_name_mentor_other_municipality", "Utse mentor från en annan kommun", "Name a mentor from another municipality"},
    Template{"action_name_introduktor", "Utse introduktör", "Name an introduktör"},
    Template{"requirements_not_met", "Kraven för intyget är inte uppfyllda", "The certificate's requirements are not met"},
};

}  // namespace

std::string message(std::string_view code, Language language, MessageArgs args) {
    std::string_view text = code;
    for (const auto& t : templates)
        if (t.code == code) text = language == Language::en ? t.en : t.sv;
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const auto close = text.find('}', i);
            const auto name = text.substr(i + 1, close - i - 1);
            for (const auto& [k, v] : args)
                if (k == name) out += v;
            i = close;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
