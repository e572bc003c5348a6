// The evaluation document (docs/contract.md, data/schema/evaluation.schema.json),
// written once for any writer W with JsonWriter's calls (json_writer.hpp):
// JSON text by JsonWriter (Evaluation::to_json), Python objects by the
// binding's writer (python/src/evaluation_dict.hpp, Evaluation.to_dict), so
// that the document's shape has one source.
#pragma once

#include <cmath>
#include <vector>

#include "yrkesresan/evaluation.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace evaluation_document {

template <class W>
void write_source(W& w, const SourceRef& s) {
    if (s.seed.empty()) {
        w.value(nullptr);
        return;
    }
    w.begin_object().member("seed", s.seed).member("pages", s.pages);
    if (!s.quote.empty()) w.member("quote", s.quote);
    if (!s.assumption.empty()) w.member("assumption", s.assumption);
    if (!s.interpretation.empty()) w.member("interpretation", s.interpretation);
    w.end_object();
}

template <class W>
void write_finding(W& w, const Finding& f) {
    w.begin_object().member("code", f.code).member("message", f.message).key("source");
    write_source(w, f.source);
    if (!f.ref.empty()) w.member("ref", f.ref);
    if (f.date) w.member("date", *f.date);
    if (!f.path.empty()) w.member("path", f.path);
    w.end_object();
}

template <class W>
void write_findings(W& w, const std::vector<Finding>& findings) {
    w.begin_array();
    for (const auto& f : findings) write_finding(w, f);
    w.end_array();
}

template <class W>
void write_window(W& w, const Period& p) {
    w.begin_object().member("from", p.from).member("to", p.last()).end_object();
}

template <class W>
void write_checklist(W& w, const ChecklistResult& c) {
    const auto& s = c.summary;
    w.begin_object()
        .member("id", c.id)
        .member("label", c.label)
        .member("due", c.due)
        .member("complete", c.complete)
        .member("completed_on", c.completed_on)
        .key("handed_to");
    if (c.handed_to)
        w.value(to_string(*c.handed_to));
    else
        w.value(nullptr);
    w.key("summary")
        .begin_object()
        .member("done", s.done)
        .member("waived", s.waived)
        .member("blocked", s.blocked)
        .member("overdue", s.overdue)
        .member("pending", s.pending)
        .member("unassigned", s.unassigned)
        .member("total", s.total)
        .end_object()
        .member("unassigned", c.unassigned)
        .key("items")
        .begin_array();
    for (const auto& it : c.items) {
        w.begin_object()
            .member("id", it.id)
            .member("label", it.label)
            .member("section", it.section)
            .member("responsible", it.responsible)
            .member("state", to_string(it.state))
            .member("due", it.due)
            .member("planned", it.planned)
            .member("done", it.done);
        if (!it.comment.empty()) w.member("comment", it.comment);
        if (!it.blocked_by.empty()) w.member("blocked_by", it.blocked_by);
        if (it.added) w.member("added", true);
        w.end_object();
    }
    w.end_array().end_object();
}

template <class W>
void write_component(W& w, const ComponentResult& c) {
    w.begin_object()
        .member("id", c.id)
        .member("label", c.label)
        .member("kind", to_string(c.kind))
        .member("eligibility", to_string(c.eligibility))
        .member("obligation", to_string(c.obligation))
        .key("organiser");
    if (c.organiser.empty())
        w.value(nullptr);
    else
        w.begin_object().member("id", c.organiser).member("label", c.organiser_label).end_object();
    w.key("window");
    if (c.window)
        write_window(w, *c.window);
    else
        w.value(nullptr);
    w.key("reasons");
    write_findings(w, c.reasons);
    w.member("started_on", c.started_on).member("completed_on", c.completed_on);
    switch (c.kind) {
        case Component::Kind::supervision:
            w.member("sessions_counted", c.sessions_counted).member("sessions_required", c.sessions_required);
            break;
        case Component::Kind::mentor: w.key("holder").string_or_null(c.holder); break;
        case Component::Kind::introduktor:
            w.key("holder").string_or_null(c.holder);
            w.member("hours_per_week", c.hours_per_week).member("hours_owed", std::round(c.hours_owed * 100) / 100);
            break;
        case Component::Kind::annual:
            w.key("years").begin_array();
            for (const auto& y : c.years)
                w.begin_object()
                    .member("year", y.year)
                    .member("required", y.required)
                    .member("attended", y.attended)
                    .member("state", to_string(y.state))
                    .end_object();
            w.end_array();
            break;
        case Component::Kind::course: break;
    }
    w.end_object();
}

}  // namespace evaluation_document

template <class W>
void write_evaluation(W& w, const Evaluation& e) {
    using namespace evaluation_document;
    w.begin_object().member("person", e.person).member("municipality", e.municipality);
    if (!e.unit.empty()) w.member("unit", e.unit);
    w.member("program", e.program)
        .member("program_version", e.program_version)
        .key("layers")
        .begin_array();
    for (const auto& l : e.layers) w.value(l);
    w.end_array()
        .member("as_of", e.as_of)
        .member("language", e.language == Language::en ? "en" : "sv")
        .member("experience_months", e.experience.months)
        .key("experience")
        .begin_object()
        .member("months", e.experience.months)
        .member("anchor", e.experience.anchor)
        .member("leave_days", e.experience.leave_days)
        .member("next_month_on", e.experience.next_month_on)
        .member("months_at_employment_start", e.experience.months_at_employment_start)
        .end_object()
        .key("phase")
        .begin_object()
        .member("id", e.phase.id)
        .member("label", e.phase.label)
        .member("from_months", e.phase.from_months)
        .member("to_months", e.phase.to_months)
        .end_object();

    w.key("checklists").begin_array();
    for (const auto& c : e.checklists) write_checklist(w, c);
    w.end_array().key("components").begin_array();
    for (const auto& c : e.components) write_component(w, c);
    w.end_array().key("modules").begin_array();
    for (const auto& m : e.modules) {
        w.begin_object()
            .member("id", m.id)
            .member("label", m.label)
            .member("component", m.component)
            .member("state", to_string(m.state))
            .key("missing");
        write_findings(w, m.missing);
        w.member("attended", m.attended).key("round").string_or_null(m.round);
        w.member("homework_required", m.homework_required).member("homework_submitted", m.homework_submitted).end_object();
    }
    w.end_array().key("certificates").begin_array();
    for (const auto& c : e.certificates) {
        w.begin_object().member("component", c.component).member("status", to_string(c.status)).key("missing");
        write_findings(w, c.missing);
        w.member("completed_on", c.completed_on).member("issued_on", c.issued_on).key("certificate_id");
        w.string_or_null(c.certificate_id).end_object();
    }
    w.end_array().key("recommendations").begin_array();
    for (const auto& r : e.recommendations) {
        w.begin_object()
            .member("id", r.id)
            .member("label", r.label)
            .member("value", r.value)
            .member("applies", r.applies)
            .key("window");
        write_window(w, r.window);
        w.key("source");
        write_source(w, r.source);
        w.end_object();
    }
    w.end_array().key("actions").begin_array();
    for (const auto& a : e.actions) {
        w.begin_object()
            .member("role", to_string(a.role))
            .member("kind", to_string(a.kind))
            .member("what", a.what)
            .member("due", a.due);
        if (!a.checklist.empty()) w.member("checklist", a.checklist);
        if (!a.component.empty()) w.member("component", a.component);
        if (!a.item.empty()) w.member("item", a.item);
        if (a.state) w.member("state", to_string(*a.state));
        w.end_object();
    }
    w.end_array().key("warnings");
    write_findings(w, e.warnings);
    w.end_object();
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
