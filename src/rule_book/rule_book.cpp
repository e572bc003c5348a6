// The rule book of a program (rule_book.hpp): the compiled program put into
// words, every rule beside its citation, as a document tree that
// rule_book_markdown.cpp and rule_book_html.cpp write out.
#include "yrkesresan/rule_book.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "jcs.hpp"
#include "program_data.hpp"
#include "rule_book_doc.hpp"
#include "rule_book_words.hpp"
#include "yrkesresan/components.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail::rule_book {
namespace {

Span plain(std::string text) { return {std::move(text), Span::Style::plain}; }
Span code(std::string text) { return {std::move(text), Span::Style::code}; }
Span strong(std::string text) { return {std::move(text), Span::Style::strong}; }

// "Label (`id`)": what a reviewer reads, and the id a program or overlay uses.
Spans named(const std::string& label, const std::string& id) {
    if (label.empty() || label == id) return {code(id)};
    return {plain(label + " ("), code(id), plain(")")};
}

// 6 -> "6", 0.5 -> "0,5": the shortest form that reads back the same value.
std::string number(double value) {
    std::string s;
    write_jcs_number(value, s);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string months(int m) { return std::to_string(m); }

bool empty(const SourceRef& s) {
    return s.seed.empty() && s.pages.empty() && s.quote.empty() && s.assumption.empty() && s.interpretation.empty();
}

bool same(const SourceRef& a, const SourceRef& b) {
    return a.seed == b.seed && a.pages == b.pages && a.quote == b.quote && a.assumption == b.assumption &&
           a.interpretation == b.interpretation;
}

Citation cite(const SourceRef& s) {
    Citation c;
    if (!s.seed.empty())
        c.where = s.pages.empty() ? say(W::where_seed, {{"seed", s.seed}})
                                  : say(W::where_pages, {{"seed", s.seed}, {"pages", s.pages}});
    c.quote = s.quote;
    c.interpretation = s.interpretation;
    c.assumption = s.assumption;
    return c;
}

std::vector<Citation> cites(const SourceRef& s) {
    if (empty(s)) return {};
    return {cite(s)};
}

std::string_view string_at(const json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return {};
    return it->get_ref<const std::string&>();
}

// A citation the compiled program does not keep, read from its definition.
SourceRef source_from_json(const json& j) {
    SourceRef s;
    s.seed = string_at(j, "seed");
    s.pages = string_at(j, "pages");
    s.quote = string_at(j, "quote");
    s.assumption = string_at(j, "assumption");
    s.interpretation = string_at(j, "interpretation");
    return s;
}

std::string due_words(DueRule::Kind kind, int n) {
    const std::string count = std::to_string(n);
    switch (kind) {
        case DueRule::Kind::none: return say(W::due_none);
        case DueRule::Kind::months_after_start:
            return n == 1 ? say(W::due_month_one) : say(W::due_months, {{"count", count}});
        case DueRule::Kind::days_before_start:
            if (n == 0) return say(W::due_first_day);
            return n == 1 ? say(W::due_day_before) : say(W::due_days_before, {{"count", count}});
        case DueRule::Kind::days_after_hired:
            if (n == 0) return say(W::due_hired_same_day);
            return n == 1 ? say(W::due_hired_day_after) : say(W::due_hired_days_after, {{"count", count}});
    }
    return {};
}

std::string due_words(const DueRule& due) {
    std::string words = due_words(due.kind, due.amount);
    if (due.kind == DueRule::Kind::days_after_hired)
        words = say(W::due_otherwise, {{"rule", words}, {"otherwise", due_words(due.otherwise_kind, due.otherwise_amount)}});
    return words;
}

std::string codes(RoleSet set) {
    std::string out;
    for (int r = 0; r < role_count; ++r) {
        const auto role = static_cast<Role>(r);
        if (!set.has(role)) continue;
        if (!out.empty()) out += ", ";
        out += to_string(role);
    }
    return out;
}

std::string window_words(const Window& w, bool start) {
    const std::string from = months(w.from_months), to = months(w.to_months);
    W word = start ? W::window_start_experience : W::window_experience;
    if (w.clock == Window::Clock::employment) word = start ? W::window_start_employment : W::window_employment;
    return say(word, {{"from", from}, {"to", to}});
}

std::string kind_words(Component::Kind kind) {
    switch (kind) {
        case Component::Kind::course: return say(W::kind_course);
        case Component::Kind::supervision: return say(W::kind_supervision);
        case Component::Kind::mentor: return say(W::kind_mentor);
        case Component::Kind::introduktor: return say(W::kind_introduktor);
        case Component::Kind::annual: return say(W::kind_annual);
    }
    return {};
}

std::string obligation_words(Obligation o, bool windowed) {
    W word = W::obligation_duty, passed = W::passed_duty;
    if (o == Obligation::offer) word = W::obligation_offer, passed = W::passed_offer;
    if (o == Obligation::recommendation) word = W::obligation_recommendation, passed = W::passed_recommendation;
    return windowed ? say(word) + "; " + say(passed) : say(word);
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

class Builder {
public:
    Builder(const Program& program, const json& definition)
        : p_(detail::program_data(program)), definition_(definition) {}

    Document build() {
        doc_.language = "sv";
        doc_.title = say(W::book_title, {{"title", p_.title}});
        heading(1, "regelbok", {plain(doc_.title)});
        paragraph({plain(say(W::intro))});
        program_facts();
        source_documents();
        guide();
        changes();
        experience();
        phases();
        checklists();
        components();
        recommendations();
        return std::move(doc_);
    }

private:
    Block& add(Block::Kind kind) {
        doc_.blocks.emplace_back();
        doc_.blocks.back().kind = kind;
        return doc_.blocks.back();
    }
    void heading(int level, std::string anchor, Spans text) {
        Block& b = add(Block::Kind::heading);
        b.level = level;
        b.anchor = std::move(anchor);
        b.text = std::move(text);
    }
    void paragraph(Spans text) { add(Block::Kind::paragraph).text = std::move(text); }
    void rule(W label, Spans text, std::vector<Citation> citations = {}) {
        Block& b = add(Block::Kind::rule);
        b.label = say(label);
        b.text = std::move(text);
        b.citations = std::move(citations);
    }
    void rule(W label, std::string text, std::vector<Citation> citations = {}) {
        rule(label, Spans{plain(std::move(text))}, std::move(citations));
    }
    void citation(const SourceRef& s) {
        if (empty(s)) return;
        add(Block::Kind::citation).citations = {cite(s)};
    }
    void list(std::vector<Spans> rows) {
        Block& b = add(Block::Kind::list);
        for (auto& r : rows) b.rows.push_back({std::move(r)});
    }

    void program_facts() {
        heading(2, "programmet", {plain(say(W::program_heading))});
        Block& b = add(Block::Kind::facts);
        auto fact = [&](W label, Spans value) { b.rows.push_back({{plain(say(label))}, std::move(value)}); };
        fact(W::fact_title, {plain(p_.title)});
        fact(W::fact_id, {code(p_.id)});
        fact(W::fact_version, {plain(p_.version)});
        fact(W::fact_valid_from, {plain(p_.valid_from.to_string())});
        fact(W::fact_organisation, {plain(p_.organisation)});
        if (!p_.field.empty()) fact(W::fact_field, {plain(p_.field)});
        if (!p_.layers.empty()) {
            Spans layers;
            for (const auto& l : p_.layers) {
                if (!layers.empty()) layers.push_back(plain(", "));
                layers.push_back(code(l));
            }
            fact(W::fact_layers, std::move(layers));
        }
    }

    void source_documents() {
        const auto it = definition_.find("sources");
        if (it == definition_.end() || !it->is_object() || it->empty()) return;
        heading(2, "kalldokument", {plain(say(W::sources_heading))});
        std::vector<Spans> rows;
        for (auto s = it->begin(); s != it->end(); ++s)
            rows.push_back({strong(s.key()), plain(": " + std::string(string_at(*it, s.key().c_str())))});
        list(std::move(rows));
    }

    void guide() {
        heading(2, "sa-laser-du", {plain(say(W::guide_heading))});
        list({{plain(say(W::guide_quote))},
              {plain(say(W::guide_interpretation))},
              {plain(say(W::guide_assumption))},
              {plain(say(W::guide_months))},
              {plain(say(W::guide_windows))}});
        if (p_.checklists.empty()) return;
        heading(3, "ansvarskoder", {plain(say(W::codes_heading))});
        const W meanings[role_count] = {W::code_ec, W::code_forste, W::code_fa, W::code_ad, W::code_sj, W::code_ej};
        std::vector<Spans> rows;
        for (int r = 0; r < role_count; ++r)
            rows.push_back({code(std::string(to_string(static_cast<Role>(r)))), plain(": " + say(meanings[r]))});
        list(std::move(rows));
    }

    void changes() {
        heading(2, "andringar", {plain(say(W::changes_heading))});
        if (p_.changes.empty()) paragraph({plain(say(W::no_changes))});
        for (const auto& c : p_.changes) {
            heading(3, "version-" + c.version,
                    {plain(say(W::change_heading, {{"version", c.version}, {"date", c.date.to_string()}}))});
            paragraph({plain(c.summary)});
            Block& b = add(Block::Kind::citation);
            for (const auto& s : c.sources)
                if (!empty(s)) b.citations.push_back(cite(s));
        }
    }

    void experience() {
        if (p_.experience_note.empty() && empty(p_.experience_source)) return;
        heading(2, "erfarenhet", {plain(say(W::experience_heading))});
        rule(W::experience_rule, p_.experience_note, cites(p_.experience_source));
    }

    void phases() {
        heading(2, "faser", {plain(say(W::phases_heading))});
        for (const auto& ph : p_.phases) {
            heading(3, "fas-" + ph.id, named(ph.label, ph.id));
            const std::string from = months(ph.from_months);
            std::string range = say(W::months_all);
            if (ph.to_months) range = say(W::months_range, {{"from", from}, {"to", months(*ph.to_months)}});
            else if (ph.from_months > 0) range = say(W::months_from, {{"from", from}});
            rule(W::phase_rule, std::move(range), cites(ph.source));
        }
    }

    Spans item_list(const std::vector<std::uint32_t>& items, const std::vector<std::uint32_t>& except = {}) {
        Spans out;
        for (const auto i : items) {
            if (std::find(except.begin(), except.end(), i) != except.end()) continue;
            if (!out.empty()) out.push_back(plain("; "));
            for (auto& s : named(p_.items[i].label, p_.items[i].id)) out.push_back(std::move(s));
        }
        return out;
    }

    void checklists() {
        if (p_.checklists.empty()) return;
        heading(2, "checklistor", {plain(say(W::checklists_heading))});
        for (const auto& c : p_.checklists) {
            heading(3, "checklista-" + c.id, named(c.label, c.id));
            citation(c.source);
            rule(W::due_label, due_words(c.due));
            rule(W::responsible_label, c.responsible.empty() ? say(W::responsible_per_person) : codes(c.responsible));
            if (c.handover_to) rule(W::handover_label, std::string(to_string(*c.handover_to)));
            if (!c.prerequisites.empty()) rule(W::list_prerequisites_label, item_list(c.prerequisites));
            for (std::uint32_t si = c.first_section; si < c.first_section + c.section_count; ++si)
                section(c, si);
        }
    }

    void section(const Checklist& c, std::uint32_t si) {
        const Section& s = p_.sections[si];
        heading(4, "avsnitt-" + c.id + "-" + s.id, named(s.label, s.id));
        citation(s.source);
        Block& table = add(Block::Kind::table);
        table.header = {say(W::col_item), say(W::col_comment), say(W::col_codes), say(W::col_due),
                        say(W::col_prerequisites)};
        std::vector<std::uint32_t> own;  // items citing more than their list does
        for (std::uint32_t i = c.first_item; i < c.first_item + c.item_count; ++i) {
            const Item& it = p_.items[i];
            if (it.section != si) continue;
            Spans prerequisites = item_list(it.prerequisites, c.prerequisites);
            if (prerequisites.empty()) prerequisites = {plain(say(W::none))};
            table.rows.push_back({named(it.label, it.id), {plain(it.comment.empty() ? say(W::none) : it.comment)},
                                  {plain(it.responsible.empty() ? say(W::none) : codes(it.responsible))},
                                  {plain(due_words(it.due))}, std::move(prerequisites)});
            if (!same(it.source, c.source) && !empty(it.source)) own.push_back(i);
        }
        if (own.empty()) return;
        paragraph({strong(say(W::item_sources))});
        for (const auto i : own) {
            const Item& it = p_.items[i];
            Block& b = add(Block::Kind::rule);
            b.label = it.label.empty() ? it.id : it.label;
            b.text = {plain(say(W::due_label) + ": " + due_words(it.due))};
            b.citations = {cite(it.source)};
        }
    }

    void components() {
        if (p_.components.empty()) return;
        heading(2, "komponenter", {plain(say(W::components_heading))});
        const json* defs = nullptr;
        if (const auto it = definition_.find("components"); it != definition_.end() && it->is_array()) defs = &*it;
        for (std::size_t ci = 0; ci < p_.components.size(); ++ci) {
            const json* def = defs && ci < defs->size() ? &(*defs)[ci] : nullptr;
            component(p_.components[ci], def);
        }
    }

    void component(const Component& c, const json* def) {
        heading(3, "komponent-" + c.id, named(c.label, c.id));
        citation(c.source);
        rule(W::kind_label, kind_words(c.kind));
        if (c.organiser) rule(W::organiser_label, named(c.organiser->label, c.organiser->id), cites(c.organiser->source));
        else rule(W::organiser_label, say(W::organiser_none));
        rule(W::obligation_label, obligation_words(c.obligation, c.window.has_value()), cites(c.obligation_source));
        const bool started_in_window = c.kind == Component::Kind::course || c.kind == Component::Kind::supervision;
        if (c.target)
            rule(W::target_label,
                 say(W::target_rule, {{"months", months(c.target->max_experience_months_at_employment)}}) +
                     (c.target->label.empty() ? "" : ": " + c.target->label),
                 cites(c.target->source));
        else if (started_in_window)
            rule(W::target_label, say(W::target_all));
        if (c.window) rule(W::window_label, window_words(*c.window, started_in_window), cites(c.window->source));
        if (c.holder_named_by)
            rule(W::holder_named_by_label,
                 say(c.holder_named_by->at == HolderDeadline::At::window_end ? W::holder_named_by_end : W::holder_named_by_start),
                 cites(c.holder_named_by->source));
        switch (c.kind) {
            case Component::Kind::course: course(c, def); break;
            case Component::Kind::supervision: supervision(c); break;
            case Component::Kind::mentor: {
                std::vector<std::string> who;
                if (c.more_experienced) who.push_back(say(W::mentor_more_experienced));
                if (c.other_municipality) who.push_back(say(W::mentor_other_municipality));
                if (!who.empty()) rule(W::mentor_label, joined(who, ", "));
                break;
            }
            case Component::Kind::introduktor: {
                std::vector<std::string> rates;
                for (const auto& h : c.hours_per_week)
                    rates.push_back(say(W::hours_rule, {{"hours", number(h.hours)},
                                                         {"from", months(h.from_months)},
                                                         {"to", months(h.to_months)}}));
                if (!rates.empty()) rule(W::hours_label, joined(rates, "; "));
                break;
            }
            case Component::Kind::annual:
                if (c.per_year == 1) rule(W::annual_label, say(c.at_least ? W::annual_at_least_once : W::annual_once));
                else
                    rule(W::annual_label, say(c.at_least ? W::annual_at_least : W::annual_exactly,
                                              {{"count", std::to_string(c.per_year)}}));
                groups(c);
                paragraph({plain(say(W::annual_partial_year))});
                break;
        }
    }

    void groups(const Component& c) {
        if (c.group_min == 0 && c.group_max == 0 && !c.mix_municipalities && empty(c.group_source)) return;
        std::vector<std::string> words;
        if (c.group_max > 0)
            words.push_back(say(W::group_size, {{"min", std::to_string(c.group_min)}, {"max", std::to_string(c.group_max)}}));
        else
            words.push_back(say(W::group_no_size));
        if (c.mix_municipalities) words.push_back(say(W::group_mix));
        rule(W::group_label, joined(words, "; "), cites(c.group_source));
    }

    void course(const Component& c, const json* def) {
        SourceRef hours_source;
        if (def && def->is_object())
            if (const auto it = def->find("module_hours_source"); it != def->end()) hours_source = source_from_json(*it);
        rule(W::modules_label,
             c.module_hours ? say(W::modules_rule, {{"count", std::to_string(c.module_count)}, {"hours", number(*c.module_hours)}})
                            : say(W::modules_rule_no_hours, {{"count", std::to_string(c.module_count)}}),
             cites(hours_source));
        certificate(c, say(W::certificate_course));
        for (std::uint32_t mi = c.first_module; mi < c.first_module + c.module_count; ++mi) module(p_.modules[mi]);
    }

    void module(const Module& m) {
        heading(4, "modul-" + m.id, named(m.label, m.id));
        Block& b = add(Block::Kind::facts);
        auto fact = [&](W label, const std::vector<std::string>& values) {
            b.rows.push_back({{plain(say(label))}, {plain(values.empty() ? say(W::none) : joined(values, "; "))}});
        };
        fact(W::module_content, m.content);
        fact(W::module_material, m.material);
        fact(W::module_tasks, m.tasks);
        fact(W::module_goals, m.goals);
        std::vector<std::string> requires_;
        for (const auto r : m.requires_attended) requires_.push_back(say(W::requires_attended, {{"module", p_.modules[r].label}}));
        for (const auto r : m.requires_homework) requires_.push_back(say(W::requires_homework, {{"module", p_.modules[r].label}}));
        fact(W::module_requires, requires_);
    }

    void supervision(const Component& c) {
        rule(W::sessions_label,
             c.session_hours ? say(W::sessions_rule, {{"count", std::to_string(c.sessions)}, {"hours", number(*c.session_hours)}})
                             : say(W::sessions_rule_no_hours, {{"count", std::to_string(c.sessions)}}));
        groups(c);
        std::string words = say(W::certificate_supervision, {{"sessions", std::to_string(c.certificate_min_sessions)},
                                                             {"months", months(c.certificate_within_months)}});
        certificate(c, std::move(words));
    }

    void certificate(const Component& c, std::string words) {
        if (c.certificate) rule(W::certificate_label, std::move(words), cites(c.certificate_source));
        else rule(W::certificate_label, say(W::certificate_none));
    }

    void recommendations() {
        if (p_.recommendations.empty()) return;
        heading(2, "rekommendationer", {plain(say(W::recommendations_heading))});
        for (const auto& r : p_.recommendations) {
            heading(3, "rekommendation-" + r.id, named(r.label, r.id));
            rule(W::value_label, number(r.value), cites(r.source));
            rule(W::applies_label, window_words(r.window, false), cites(r.window.source));
        }
    }

    const ProgramData& p_;
    const json& definition_;
    Document doc_;
};

}  // namespace
}  // namespace detail::rule_book

std::string rule_book(const Program& program, RuleBookFormat format) {
    // The few things the compiled program does not keep (the source
    // documents' titles, the course hours' citation) come from its definition.
    const detail::Document definition(detail::parse_json(program.to_json(), detail::program_limits));
    const auto doc = detail::rule_book::Builder(program, definition.get()).build();
    return format == RuleBookFormat::html ? detail::rule_book::to_html(doc) : detail::rule_book::to_markdown(doc);
}

YRKESRESAN_END_NAMESPACE
