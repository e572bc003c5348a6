// The program checker (check.hpp): the loader's errors, placed in the text,
// and warnings about what loads but cannot be right.
#include "yrkesresan/check.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "json_locate.hpp"
#include "json_writer.hpp"
#include "program_data.hpp"
#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE

std::string_view to_string(CheckFinding::Severity severity) noexcept {
    return severity == CheckFinding::Severity::error ? "error" : "warning";
}

bool CheckReport::loads() const noexcept {
    return std::none_of(findings.begin(), findings.end(),
                        [](const CheckFinding& f) { return f.severity == CheckFinding::Severity::error; });
}

std::string CheckReport::to_json() const {
    std::size_t errors = 0;
    for (const auto& f : findings) errors += f.severity == CheckFinding::Severity::error;
    std::string out;
    detail::JsonWriter w(out);
    w.begin_object().member("errors", errors).key("findings").begin_array();
    for (const auto& f : findings) {
        w.begin_object()
            .member("code", f.code)
            .member("column", f.column)
            .member("document", f.document)
            .member("line", f.line)
            .member("message", f.message)
            .member("path", f.path)
            .member("severity", to_string(f.severity))
            .end_object();
    }
    w.end_array().member("loads", errors == 0).member("warnings", findings.size() - errors).end_object();
    return out;
}

namespace {

using detail::json;
using Severity = CheckFinding::Severity;

class Findings {
public:
    Findings(CheckReport& report, std::string_view text, std::size_t document)
        : report_(report), text_(text), document_(document) {}

    void add(Severity severity, std::string code, std::string path, std::string message,
             std::size_t line = 0, std::size_t column = 0) {
        CheckFinding f{severity, std::move(code), document_, std::move(path), line, column, std::move(message)};
        if (f.line == 0)
            if (auto pos = detail::pointer_position(text_, f.path)) {
                f.line = pos->line;
                f.column = pos->column;
            }
        report_.findings.push_back(std::move(f));
    }
    void warn(std::string code, std::string path, std::string message) {
        add(Severity::warning, std::move(code), std::move(path), std::move(message));
    }
    void errors(const Error& e) {
        for (const auto& p : e.problems())
            add(Severity::error, std::string(to_string(p.code)), p.path, p.message, p.line, p.column);
    }

private:
    CheckReport& report_;
    std::string_view text_;
    std::size_t document_;
};

std::string at(const std::string& parent, std::string_view key) { return parent + "/" + json_pointer_token(key); }
std::string at(const std::string& parent, std::size_t index) { return parent + "/" + std::to_string(index); }

// Every citation ({seed, pages, ...}) in a document, with its path.
void collect_citations(const json& j, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
    if (j.is_object()) {
        if (auto seed = j.find("seed"); seed != j.end() && seed->is_string() && j.contains("pages"))
            out.emplace_back(seed->get<std::string>(), at(path, "seed"));
        for (auto it = j.begin(); it != j.end(); ++it) collect_citations(it.value(), at(path, it.key()), out);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) collect_citations(j[i], at(path, i), out);
    }
}

void check_sources(const json& def, Findings& f) {
    const auto sources = def.find("sources");
    const bool listed = sources != def.end() && sources->is_object() && !sources->empty();
    if (!listed) {
        f.warn("no_sources", "", "the program lists no sources: its citations cannot name the documents they rest on");
        return;
    }
    std::vector<std::pair<std::string, std::string>> citations;
    collect_citations(def, "", citations);
    std::set<std::string> cited;
    for (const auto& [seed, path] : citations) {
        cited.insert(seed);
        if (!sources->contains(seed))
            f.warn("unknown_source", path,
                   "the citation names " + detail::quoted_id(seed, "a document") + ", which is not in the program's sources");
    }
    for (auto it = sources->begin(); it != sources->end(); ++it)
        if (!cited.count(it.key()))
            f.warn("unused_source", detail::member_path("/sources", it.key()), "no rule of the program cites this source");
}

void check_components(const Program& program, Findings& f) {
    const auto& components = program.components();
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Component& c = components[i];
        const std::string path = at("/components", i);
        const Supervision* supervision = c.as<Supervision>();
        if (supervision && supervision->certificate && supervision->certificate->min_sessions > supervision->sessions)
            f.warn("certificate_unreachable", path + "/certificate/min_sessions",
                   "the certificate asks for " + std::to_string(supervision->certificate->min_sessions) +
                       " sessions, the supervision offers " + std::to_string(supervision->sessions) + ": nobody can earn it");
        const bool has_target_field = c.kind() == ComponentKind::course || c.kind() == ComponentKind::supervision;
        if (has_target_field && c.window && c.window->clock == Window::Clock::experience && !c.target)
            f.warn("window_without_target", path + "/window/clock",
                   "a window on the experience clock without a target group: everyone hired while their window is "
                   "open is asked to take part, however experienced, and whoever's window closed before they were "
                   "hired is not_targeted; if the component is for those new in the profession, give it a target "
                   "(max_experience_months_at_employment)");
        if (c.target && c.target->max_experience_months_at_employment == 0)
            f.warn("target_empty", path + "/target/max_experience_months_at_employment",
                   "a target group of experience below 0 months holds nobody");
    }
}

// Two items of one section with the same label read as one in a plan and a
// rule book. (Across sections the seed may repeat a task on purpose.)
void check_labels(const json& def, Findings& f) {
    const auto& lists = def.at("checklists");
    for (std::size_t ci = 0; ci < lists.size(); ++ci) {
        const auto& sections = lists[ci].at("sections");
        for (std::size_t si = 0; si < sections.size(); ++si) {
            std::map<std::string, std::string> labels;  // label -> path of its first item
            const auto& items = sections[si].at("items");
            for (std::size_t ii = 0; ii < items.size(); ++ii) {
                const std::string path = at(at(at(at(at("/checklists", ci), "sections"), si), "items"), ii);
                if (auto [it, fresh] = labels.emplace(items[ii].at("label").get<std::string>(), path); !fresh)
                    f.warn("duplicate_label", path + "/label",
                           "the same label as the item at " + it->second + " of the same section: the two cannot be "
                           "told apart in a plan");
            }
        }
    }
}

// When a due rule falls, as (months after the start, days after that) so
// that any two compare; nullopt when it depends on the hiring decision.
// No deadline is the latest of all.
std::optional<std::pair<long, long>> deadline_key(const DueRule& due) {
    switch (due.kind) {
        case DueRule::Kind::none: return std::pair<long, long>{1L << 30, 0};
        case DueRule::Kind::months_after_start: return std::pair<long, long>{due.amount, 0};
        case DueRule::Kind::days_before_start: return std::pair<long, long>{0, -due.amount};
        case DueRule::Kind::days_after_hired: return std::nullopt;
    }
    return std::nullopt;
}

std::string due_text(const DueRule& due) {
    switch (due.kind) {
        case DueRule::Kind::none: return "no deadline";
        case DueRule::Kind::months_after_start: return std::to_string(due.amount) + " months after the start";
        case DueRule::Kind::days_before_start: return std::to_string(due.amount) + " days before the start";
        case DueRule::Kind::days_after_hired: return std::to_string(due.amount) + " days after the hiring decision";
    }
    return "";
}

// An item due before an item it requires: its deadline passes before what it
// waits for is due, so on time it is blocked, and it is overdue by design.
void check_deadlines(const json& def, const Program& program, Findings& f) {
    const auto& lists = def.at("checklists");
    auto check = [&](const DueRule& due, const json& holder, const std::string& path) {
        auto req = holder.find("requires");
        if (req == holder.end()) return;
        const auto own = deadline_key(due);
        for (std::size_t k = 0; k < req->size(); ++k) {
            const auto required = program.find_item((*req)[k].get<std::string>());
            if (!required || !own) continue;
            const Item& other = program.items()[*required];
            const auto theirs = deadline_key(other.due);
            if (theirs && *own < *theirs)
                f.warn("deadline_before_prerequisite", at(at(path, "requires"), k),
                       "due " + due_text(due) + ", the item it requires " + due_text(other.due) +
                           ": it is overdue before what it waits for is due");
        }
    };
    for (std::size_t ci = 0; ci < lists.size(); ++ci) {
        // The list's own requirements, against the list's deadline.
        if (const auto list = program.find_checklist(lists[ci].at("id").get<std::string>()))
            check(program.checklists()[*list].due, lists[ci], at("/checklists", ci));
        const auto& sections = lists[ci].at("sections");
        for (std::size_t si = 0; si < sections.size(); ++si) {
            const auto& items = sections[si].at("items");
            for (std::size_t ii = 0; ii < items.size(); ++ii)
                if (const auto index = program.find_item(items[ii].at("id").get<std::string>()))
                    check(program.items()[*index].due, items[ii],
                          at(at(at(at(at("/checklists", ci), "sections"), si), "items"), ii));
        }
    }
}

// An overlay's own warnings, on the program it is layered on.
void check_overlay(const json& overlay, Findings& f) {
    std::set<std::string> removed;
    if (auto r = overlay.find("remove_items"); r != overlay.end() && r->is_array())
        for (const auto& id : *r)
            if (id.is_string()) removed.insert(id.get<std::string>());
    auto check_requires = [&](const json& item, const std::string& path) {
        auto req = item.find("requires");
        if (req == item.end() || !req->is_array()) return;
        for (std::size_t k = 0; k < req->size(); ++k)
            if ((*req)[k].is_string() && removed.count((*req)[k].get<std::string>()))
                f.warn("requires_removed_item", at(at(path, "requires"), k),
                       "the item requires " + detail::quoted_id((*req)[k].get<std::string>(), "an item") +
                           ", which this overlay removes: the requirement is dropped");
    };
    if (auto a = overlay.find("add_items"); a != overlay.end() && a->is_array())
        for (std::size_t i = 0; i < a->size(); ++i) check_requires((*a)[i], at("/add_items", i));
    if (auto a = overlay.find("add_sections"); a != overlay.end() && a->is_array())
        for (std::size_t i = 0; i < a->size(); ++i)
            if (auto items = (*a)[i].find("items"); items != (*a)[i].end() && items->is_array())
                for (std::size_t k = 0; k < items->size(); ++k)
                    check_requires((*items)[k], at(at(at("/add_sections", i), "items"), k));
    static constexpr std::string_view changes[] = {"add_sections", "add_items",      "remove_items",
                                                   "set_responsible", "set_due", "set_component"};
    const bool changes_something = std::any_of(std::begin(changes), std::end(changes), [&](std::string_view key) {
        auto it = overlay.find(std::string(key));
        return it != overlay.end() && !it->empty();
    });
    if (!changes_something) f.warn("overlay_changes_nothing", "", "the overlay adds, removes and sets nothing");
}

}  // namespace

namespace {

// What a component's settings as an overlay leaves them cannot do: the
// component warnings the layered program has and the program before had not,
// placed at the component's entry of set_component.
void check_settings(const Program& before, const Program& after, Findings& f) {
    CheckReport was, is;
    Findings was_f(was, "", 0), is_f(is, "", 0);
    check_components(before, was_f);
    check_components(after, is_f);
    for (const auto& finding : is.findings) {
        const bool known = std::any_of(was.findings.begin(), was.findings.end(), [&](const CheckFinding& w) {
            return w.code == finding.code && w.path == finding.path;
        });
        if (known) continue;
        // "/components/<i>/rest" -> "/set_component/<id>/rest"
        const std::size_t index_end = finding.path.find('/', std::strlen("/components/"));
        const auto index = std::stoul(finding.path.substr(std::strlen("/components/"), index_end));
        const std::string rest = index_end == std::string::npos ? "" : finding.path.substr(index_end);
        f.warn(finding.code, detail::member_path("/set_component", after.components()[index].id) + rest, finding.message);
    }
}

// Fills the report; stops at the first document that does not load.
void check_documents(std::string_view definition, const std::vector<std::string>& overlays, CheckReport& report) {
    Findings program_findings(report, definition, 0);
    std::optional<Program> program;
    try {
        program = Program::from_json(definition);
    } catch (const Error& e) {
        program_findings.errors(e);
        return;
    }
    {
        const detail::Document def(detail::parse_json(definition, detail::program_limits));
        check_sources(def.get(), program_findings);
        check_labels(def.get(), program_findings);
        check_deadlines(def.get(), *program, program_findings);
        check_components(*program, program_findings);
    }
    for (std::size_t k = 0; k < overlays.size(); ++k) {
        Findings overlay_findings(report, overlays[k], k + 1);
        const Program before = *program;
        try {
            program = program->with_overlay(overlays[k]);
        } catch (const Error& e) {
            overlay_findings.errors(e);
            return;
        }
        const detail::Document overlay(detail::parse_json(overlays[k], detail::overlay_limits));
        check_overlay(overlay.get(), overlay_findings);
        if (overlay.get().contains("set_component")) check_settings(before, *program, overlay_findings);
        // A date the program's own validity already covers divides no one: the overlay applies to everyone.
        if (auto from = overlay.get().find("applies_from"); from != overlay.get().end())
            if (auto day = Date::parse(from->get<std::string>()); day && !(before.valid_from() < *day))
                overlay_findings.warn("applies_from_before_program", "/applies_from",
                                      "the overlay applies from the program's own first day or before it, so to everyone: "
                                      "leave applies_from out, or give the date the change takes effect");
    }
}

}  // namespace

CheckReport check_program(std::string_view definition, const std::vector<std::string>& overlays) {
    CheckReport report;
    check_documents(definition, overlays, report);
    // Errors first, then warnings, each in the order found.
    std::stable_partition(report.findings.begin(), report.findings.end(),
                          [](const CheckFinding& f) { return f.severity == Severity::error; });
    return report;
}

YRKESRESAN_END_NAMESPACE
