// The results of evaluating one person: plain read-only value objects with
// attribute access; to_dict() is the evaluation document (Evaluation::to_json's)
// as Python objects (evaluation_dict.hpp), and the notebook views
// (_repr_html_) are written in Python.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "convert.hpp"
#include "date_caster.hpp"
#include "evaluation_dict.hpp"
#include "yrkesresan/evaluation.hpp"

namespace yr_python {

using namespace yrkesresan;

namespace {

std::string date_text(const std::optional<Date>& d) { return d ? d->to_string() : std::string("-"); }

// A half-open period as people read it: (first day, last day), both inside.
std::optional<std::pair<Date, Date>> inclusive(const std::optional<Period>& p) {
    if (!p) return std::nullopt;
    return std::make_pair(p->from, p->last());
}

py::object html(const char* function, py::handle self) {
    return py::module_::import("yrkesresan._html").attr(function)(self);
}

}  // namespace

void register_evaluation(py::module_& m) {
    py::class_<Finding>(m, "Finding", "A warning, reason or missing requirement: a stable code and a message.")
        .def_readonly("code", &Finding::code)
        .def_readonly("message", &Finding::message)
        .def_readonly("source", &Finding::source)
        .def_readonly("ref", &Finding::ref)
        .def_readonly("date", &Finding::date)
        .def_readonly("path", &Finding::path)
        .def("__repr__", [](const Finding& f) { return "<Finding " + f.code + ": " + f.message + ">"; });

    py::class_<ItemResult>(m, "ItemResult", "One checklist item of one person's plan.")
        .def_readonly("id", &ItemResult::id)
        .def_readonly("label", &ItemResult::label)
        .def_readonly("section", &ItemResult::section)
        .def_readonly("comment", &ItemResult::comment)
        .def_property_readonly("responsible", [](const ItemResult& r) { return codes(r.responsible); })
        .def_property_readonly("state", [](const ItemResult& r) { return std::string(to_string(r.state)); })
        .def_readonly("due", &ItemResult::due)
        .def_readonly("planned", &ItemResult::planned)
        .def_readonly("done", &ItemResult::done)
        .def_readonly("blocked_by", &ItemResult::blocked_by)
        .def_readonly("added", &ItemResult::added)
        .def("__repr__", [](const ItemResult& r) {
            return "<ItemResult " + r.id + ": " + std::string(to_string(r.state)) + ", due " + date_text(r.due) +
                   (r.done ? ", done " + r.done->to_string() : std::string()) + ">";
        });

    py::class_<ChecklistSummary>(m, "ChecklistSummary", "Counts of items per state.")
        .def_readonly("done", &ChecklistSummary::done)
        .def_readonly("waived", &ChecklistSummary::waived)
        .def_readonly("blocked", &ChecklistSummary::blocked)
        .def_readonly("overdue", &ChecklistSummary::overdue)
        .def_readonly("pending", &ChecklistSummary::pending)
        .def_readonly("unassigned", &ChecklistSummary::unassigned)
        .def_readonly("total", &ChecklistSummary::total)
        .def("__repr__", [](const ChecklistSummary& s) {
            return "<ChecklistSummary done " + std::to_string(s.done) + ", waived " + std::to_string(s.waived) +
                   ", blocked " + std::to_string(s.blocked) + ", overdue " + std::to_string(s.overdue) + ", pending " +
                   std::to_string(s.pending) + " of " + std::to_string(s.total) + ">";
        });

    py::class_<ChecklistResult>(m, "ChecklistResult", "One checklist of one person's plan.")
        .def_readonly("id", &ChecklistResult::id)
        .def_readonly("label", &ChecklistResult::label)
        .def_readonly("due", &ChecklistResult::due)
        .def_readonly("items", &ChecklistResult::items)
        .def_readonly("summary", &ChecklistResult::summary)
        .def_readonly("unassigned", &ChecklistResult::unassigned)
        .def_readonly("complete", &ChecklistResult::complete)
        .def_readonly("completed_on", &ChecklistResult::completed_on)
        .def_property_readonly("handed_to",
                               [](const ChecklistResult& c) -> std::optional<std::string> {
                                   if (!c.handed_to) return std::nullopt;
                                   return std::string(to_string(*c.handed_to));
                               })
        .def("__repr__", [](const ChecklistResult& c) {
            return "<ChecklistResult " + c.id + ": " + std::to_string(c.summary.done + c.summary.waived) + "/" +
                   std::to_string(c.summary.total) + " done, " + std::to_string(c.summary.overdue) + " overdue, due " +
                   date_text(c.due) + ">";
        })
        .def("_repr_html_", [](py::handle self) { return html("checklist_html", self); });

    py::class_<AnnualCount>(m, "AnnualCount", "R7 compliance in one calendar year.")
        .def_readonly("year", &AnnualCount::year)
        .def_readonly("required", &AnnualCount::required)
        .def_readonly("attended", &AnnualCount::attended)
        .def_property_readonly("state", [](const AnnualCount& a) { return std::string(to_string(a.state)); })
        .def("__repr__", [](const AnnualCount& a) {
            return "<AnnualCount " + std::to_string(a.year) + ": " + std::to_string(a.attended) + "/" +
                   std::to_string(a.required) + " " + std::string(to_string(a.state)) + ">";
        });

    py::class_<ComponentResult>(m, "ComponentResult", "Eligibility for one component (R4-R7).")
        .def_readonly("id", &ComponentResult::id)
        .def_readonly("label", &ComponentResult::label)
        .def_property_readonly("kind", [](const ComponentResult& c) { return std::string(to_string(c.kind)); })
        .def_property_readonly("eligibility",
                               [](const ComponentResult& c) { return std::string(to_string(c.eligibility)); })
        .def_property_readonly("obligation",
                               [](const ComponentResult& c) { return std::string(to_string(c.obligation)); })
        .def_property_readonly(
            "organiser",
            [](const ComponentResult& c) -> std::optional<std::pair<std::string, std::string>> {
                if (c.organiser.empty()) return std::nullopt;
                return std::make_pair(c.organiser, c.organiser_label);
            },
            "(id, label) of who arranges the component, or None.")
        .def_property_readonly("window", [](const ComponentResult& c) { return inclusive(c.window); },
                               "(first day, last day), both inside the window, or None.")
        .def_readonly("reasons", &ComponentResult::reasons)
        .def_readonly("started_on", &ComponentResult::started_on)
        .def_readonly("completed_on", &ComponentResult::completed_on)
        .def_readonly("sessions_counted", &ComponentResult::sessions_counted)
        .def_readonly("sessions_required", &ComponentResult::sessions_required)
        .def_readonly("holder", &ComponentResult::holder)
        .def_readonly("hours_per_week", &ComponentResult::hours_per_week)
        .def_readonly("hours_owed", &ComponentResult::hours_owed)
        .def_readonly("years", &ComponentResult::years)
        .def("__repr__", [](const ComponentResult& c) {
            const auto w = inclusive(c.window);
            return "<ComponentResult " + c.id + ": " + std::string(to_string(c.eligibility)) +
                   (w ? ", window " + w->first.to_string() + " to " + w->second.to_string() : std::string()) + ">";
        });

    py::class_<ModuleResult>(m, "ModuleResult", "One module of a course (R4).")
        .def_readonly("id", &ModuleResult::id)
        .def_readonly("label", &ModuleResult::label)
        .def_readonly("component", &ModuleResult::component)
        .def_property_readonly("state", [](const ModuleResult& r) { return std::string(to_string(r.state)); })
        .def_readonly("missing", &ModuleResult::missing)
        .def_readonly("attended", &ModuleResult::attended)
        .def_readonly("round", &ModuleResult::round)
        .def_readonly("homework_required", &ModuleResult::homework_required)
        .def_readonly("homework_submitted", &ModuleResult::homework_submitted)
        .def("__repr__", [](const ModuleResult& r) {
            return "<ModuleResult " + r.id + ": " + std::string(to_string(r.state)) +
                   (r.attended ? ", attended " + r.attended->to_string() : std::string()) + ">";
        });

    py::class_<CertificateResult>(m, "CertificateResult", "Whether a certificate is issued, due or not due (R8).")
        .def_readonly("component", &CertificateResult::component)
        .def_property_readonly("status", [](const CertificateResult& c) { return std::string(to_string(c.status)); })
        .def_readonly("missing", &CertificateResult::missing)
        .def_readonly("completed_on", &CertificateResult::completed_on)
        .def_readonly("issued_on", &CertificateResult::issued_on)
        .def_readonly("certificate_id", &CertificateResult::certificate_id)
        .def("__repr__", [](const CertificateResult& c) {
            return "<CertificateResult " + c.component + ": " + std::string(to_string(c.status)) +
                   (c.missing.empty() ? std::string() : ", " + std::to_string(c.missing.size()) + " missing") + ">";
        });

    py::class_<RecommendationResult>(m, "RecommendationResult", "A recommendation of the program and whether it applies.")
        .def_readonly("id", &RecommendationResult::id)
        .def_readonly("label", &RecommendationResult::label)
        .def_readonly("value", &RecommendationResult::value)
        .def_property_readonly("window", [](const RecommendationResult& r) { return *inclusive(r.window); })
        .def_readonly("applies", &RecommendationResult::applies)
        .def_readonly("source", &RecommendationResult::source)
        .def("__repr__", [](const RecommendationResult& r) {
            return "<RecommendationResult " + r.id + (r.applies ? ": applies>" : ": does not apply>");
        });

    py::class_<Action>(m, "Action", "Something a role has to do next.")
        .def_property_readonly("role", [](const Action& a) { return std::string(to_string(a.role)); })
        .def_property_readonly("kind", [](const Action& a) { return std::string(to_string(a.kind)); })
        .def_readonly("what", &Action::what)
        .def_readonly("due", &Action::due)
        .def_readonly("checklist", &Action::checklist)
        .def_readonly("component", &Action::component)
        .def_readonly("item", &Action::item)
        .def_property_readonly("state",
                               [](const Action& a) -> std::optional<std::string> {
                                   if (!a.state) return std::nullopt;
                                   return std::string(to_string(*a.state));
                               })
        .def("__repr__", [](const Action& a) {
            return "<Action " + std::string(to_string(a.role)) + ": " + a.what + ", due " + date_text(a.due) + ">";
        });

    py::class_<ExperienceResult>(m, "ExperienceResult", "The experience clock on the evaluation date (R1).")
        .def_readonly("months", &ExperienceResult::months)
        .def_readonly("anchor", &ExperienceResult::anchor)
        .def_readonly("leave_days", &ExperienceResult::leave_days)
        .def_readonly("next_month_on", &ExperienceResult::next_month_on)
        .def_readonly("months_at_employment_start", &ExperienceResult::months_at_employment_start)
        .def("__repr__", [](const ExperienceResult& e) {
            return "<ExperienceResult " + std::to_string(e.months) + " months, " + std::to_string(e.leave_days) +
                   " leave days, next month on " + e.next_month_on.to_string() + ">";
        });

    py::class_<PhaseResult>(m, "PhaseResult", "The phase the person's experience puts them in (R2).")
        .def_readonly("id", &PhaseResult::id)
        .def_readonly("label", &PhaseResult::label)
        .def_readonly("from_months", &PhaseResult::from_months)
        .def_readonly("to_months", &PhaseResult::to_months)
        .def("__repr__", [](const PhaseResult& p) { return "<PhaseResult " + p.id + ": " + p.label + ">"; });

    py::class_<Evaluation>(m, "Evaluation", "One person evaluated against one program on one date.")
        .def_readonly("person", &Evaluation::person)
        .def_readonly("municipality", &Evaluation::municipality)
        .def_readonly("unit", &Evaluation::unit)
        .def_readonly("program", &Evaluation::program)
        .def_readonly("program_version", &Evaluation::program_version)
        .def_readonly("layers", &Evaluation::layers)
        .def_readonly("as_of", &Evaluation::as_of)
        .def_property_readonly("language",
                               [](const Evaluation& e) { return std::string(e.language == Language::en ? "en" : "sv"); })
        .def_property_readonly("experience_months", [](const Evaluation& e) { return e.experience.months; })
        .def_readonly("experience", &Evaluation::experience)
        .def_readonly("phase", &Evaluation::phase)
        .def_readonly("checklists", &Evaluation::checklists)
        .def_readonly("components", &Evaluation::components)
        .def_readonly("modules", &Evaluation::modules)
        .def_readonly("certificates", &Evaluation::certificates)
        .def_readonly("recommendations", &Evaluation::recommendations)
        .def_readonly("actions", &Evaluation::actions)
        .def_readonly("warnings", &Evaluation::warnings)
        .def("to_json", &Evaluation::to_json, "The evaluation document (docs/contract.md) as JSON text.")
        .def("to_dict", &evaluation_dict,
             "The evaluation document (docs/contract.md) as Python data, built in C++ (equal to "
             "json.loads(to_json())).")
        .def(
            "checklist",
            [](const Evaluation& e, const std::string& id) {
                for (const auto& c : e.checklists)
                    if (c.id == id) return c;
                throw py::key_error(id);
            },
            py::arg("id"))
        .def(
            "component",
            [](const Evaluation& e, const std::string& id) {
                for (const auto& c : e.components)
                    if (c.id == id) return c;
                throw py::key_error(id);
            },
            py::arg("id"))
        .def(
            "certificate",
            [](const Evaluation& e, const std::string& component) {
                for (const auto& c : e.certificates)
                    if (c.component == component) return c;
                throw py::key_error(component);
            },
            py::arg("component"))
        .def(
            "item",
            [](const Evaluation& e, const std::string& id) {
                for (const auto& c : e.checklists)
                    for (const auto& it : c.items)
                        if (it.id == id) return it;
                throw py::key_error(id);
            },
            py::arg("id"))
        .def("__repr__",
             [](const Evaluation& e) {
                 int overdue = 0;
                 for (const auto& c : e.checklists) overdue += c.summary.overdue;
                 return "<Evaluation " + e.person + " on " + e.as_of.to_string() + ": " + e.program + " " +
                        e.program_version + ", " + std::to_string(e.experience.months) + " months, phase " + e.phase.id +
                        ", " + std::to_string(overdue) + " overdue items, " + std::to_string(e.warnings.size()) +
                        " warnings>";
             })
        .def("_repr_html_", [](py::handle self) { return html("evaluation_html", self); });
}

}  // namespace yr_python
