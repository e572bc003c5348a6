// Reading a program definition into its compiled tables (docs/rules.md R9).
#include <algorithm>

#include "id_messages.hpp"
#include "program_data.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

constexpr long long max_months = 1200;  // 100 years of experience

struct PendingRequires {
    std::uint32_t item;
    std::string id;
    std::string path;
    std::int32_t checklist = -1;  // >= 0: the list's own prerequisite, kept for items a plan adds
};

void read_id_field(const ObjectReader& r, const char* key, std::string* out, Diagnostics& diag) {
    if (auto v = r.id(key, true)) {
        if (!is_valid_id(*v))
            diag.add(ErrorCode::invalid_value, r.path(key),
                     "ids are 1-64 characters of lowercase a-z, 0-9, '-', '_', '.', ':'");
        else
            *out = std::move(*v);
    }
}

void read_label(const ObjectReader& r, const char* key, std::string* out, Diagnostics& diag,
                bool required = true) {
    if (auto v = r.string(key, required)) {
        if (v->empty()) diag.add(ErrorCode::invalid_value, r.path(key), "must not be empty");
        *out = std::move(*v);
    }
}

void read_requires(const ObjectReader& r, std::uint32_t item, std::vector<PendingRequires>& out,
                   Diagnostics& diag) {
    const json* req = r.array("requires");
    if (!req) return;
    for (std::size_t i = 0; i < req->size(); ++i) {
        const std::string path = r.path("requires") + "/" + std::to_string(i);
        if (auto id = read_id((*req)[i], path, diag)) out.push_back({item, std::move(*id), path});
    }
}

void read_phases(const ObjectReader& root, ProgramData& p, Diagnostics& diag) {
    const json* phases = root.array("phases", true);
    if (!phases) return;
    if (phases->empty()) diag.add(ErrorCode::invalid_value, root.path("phases"), "a program needs at least one phase");
    struct Read {
        Phase phase;
        std::string path;
    };
    std::vector<Read> read;
    FirstUse ids;
    for (std::size_t i = 0; i < phases->size(); ++i) {
        ObjectReader r((*phases)[i], root.path("phases") + "/" + std::to_string(i), diag,
                       {"id", "label", "label_en", "from_months", "to_months", "source"});
        if (!r.ok()) continue;
        Phase ph;
        read_id_field(r, "id", &ph.id, diag);
        read_label(r, "label", &ph.label, diag);
        read_label(r, "label_en", &ph.label_en, diag, false);
        auto from = r.integer("from_months", 0, max_months, true);
        auto to = r.integer("to_months", 1, max_months);
        if (!from) continue;
        ph.from_months = static_cast<int>(*from);
        if (to) {
            if (*to <= *from) {
                diag.add(ErrorCode::invalid_value, r.path("to_months"), "a phase must end after it starts");
                continue;
            }
            ph.to_months = static_cast<int>(*to);
        }
        if (const json* s = r.object("source")) ItemReader::check_source(*s, r.path("source"), diag, &ph.source);
        if (!ph.id.empty()) ids.claim(ph.id, r.path("id"), diag, "phase id");
        read.push_back({std::move(ph), r.path()});
    }
    std::stable_sort(read.begin(), read.end(),
                     [](const Read& a, const Read& b) { return a.phase.from_months < b.phase.from_months; });
    // R2: the phases tile [0, inf) without gap or overlap.
    int covered_to = 0;  // everything below is covered
    bool open_ended = false;
    for (const auto& r : read) {
        const auto& ph = r.phase;
        if (open_ended || ph.from_months < covered_to) {
            diag.add(ErrorCode::phase_overlap, r.path,
                     "phases overlap from " + std::to_string(ph.from_months) + " months");
        } else if (ph.from_months > covered_to) {
            diag.add(ErrorCode::phase_gap, r.path,
                     "no phase covers [" + std::to_string(covered_to) + ", " + std::to_string(ph.from_months) +
                         ") months");
        }
        if (ph.to_months) covered_to = std::max(covered_to, *ph.to_months);
        else open_ended = true;
    }
    if (!read.empty() && !open_ended)
        diag.add(ErrorCode::phase_gap, root.path("phases"),
                 "no phase covers [" + std::to_string(covered_to) + ", inf) months: the last phase must be open-ended");
    for (auto& r : read) p.phases.push_back(std::move(r.phase));
}

void read_checklists(const ObjectReader& root, ProgramData& p, std::vector<PendingRequires>& pending,
                     Diagnostics& diag) {
    const json* lists = root.array("checklists", true);
    if (!lists) return;
    FirstUse list_ids, item_ids;
    for (std::size_t ci = 0; ci < lists->size(); ++ci) {
        ObjectReader r((*lists)[ci], root.path("checklists") + "/" + std::to_string(ci), diag,
                       {"id", "label", "label_en", "due", "responsible", "handover_to", "requires", "source", "sections"});
        if (!r.ok()) continue;
        Checklist c;
        const auto cindex = static_cast<std::uint32_t>(p.checklists.size());
        read_id_field(r, "id", &c.id, diag);
        read_label(r, "label", &c.label, diag);
        read_label(r, "label_en", &c.label_en, diag, false);
        if (const json* d = r.object("due")) ItemReader::check_due(*d, r.path("due"), diag, &c.due);
        if (const json* codes = r.array("responsible"))
            ItemReader::check_codes(*codes, r.path("responsible"), diag, &c.responsible);
        if (auto h = r.string("handover_to")) {
            if (auto role = parse_role(*h)) c.handover_to = role;
            else diag.add(ErrorCode::unknown_code, r.path("handover_to"), "not a responsibility code");
        }
        if (const json* s = r.object("source")) ItemReader::check_source(*s, r.path("source"), diag, &c.source);
        if (!c.id.empty() && list_ids.claim(c.id, r.path("id"), diag, "checklist id"))
            p.checklist_index.emplace(c.id, cindex);

        c.first_section = static_cast<std::uint32_t>(p.sections.size());
        c.first_item = static_cast<std::uint32_t>(p.items.size());
        std::vector<PendingRequires> list_requires;
        read_requires(r, 0, list_requires, diag);
        for (auto lr : list_requires) {
            lr.checklist = static_cast<std::int32_t>(cindex);
            pending.push_back(std::move(lr));
        }

        const json* sections = r.array("sections", true);
        FirstUse section_ids;  // unique within the checklist
        for (std::size_t si = 0; sections && si < sections->size(); ++si) {
            ObjectReader sr((*sections)[si], r.path("sections") + "/" + std::to_string(si), diag,
                            {"id", "label", "source", "items"});
            if (!sr.ok()) continue;
            Section s;
            s.checklist = cindex;
            read_id_field(sr, "id", &s.id, diag);
            read_label(sr, "label", &s.label, diag);
            if (const json* src = sr.object("source")) ItemReader::check_source(*src, sr.path("source"), diag, &s.source);
            if (!s.id.empty()) section_ids.claim(s.id, sr.path("id"), diag, "section id (in the checklist)");
            const auto sindex = static_cast<std::uint32_t>(p.sections.size());
            p.sections.push_back(std::move(s));

            const json* items = sr.array("items", true);
            for (std::size_t ii = 0; items && ii < items->size(); ++ii) {
                ObjectReader ir((*items)[ii], sr.path("items") + "/" + std::to_string(ii), diag,
                                {"id", "label", "label_en", "comment", "responsible", "due", "requires", "source"});
                if (!ir.ok()) continue;
                Item item;
                const auto index = static_cast<std::uint32_t>(p.items.size());
                item.checklist = cindex;
                item.section = sindex;
                read_id_field(ir, "id", &item.id, diag);
                read_label(ir, "label", &item.label, diag);
                read_label(ir, "label_en", &item.label_en, diag, false);
                if (auto cm = ir.string("comment")) item.comment = std::move(*cm);
                item.responsible = c.responsible;
                if (const json* codes = ir.array("responsible"))
                    ItemReader::check_codes(*codes, ir.path("responsible"), diag, &item.responsible);
                item.due = c.due;
                if (const json* d = ir.object("due")) ItemReader::check_due(*d, ir.path("due"), diag, &item.due);
                item.source = c.source;
                if (const json* src = ir.object("source")) ItemReader::check_source(*src, ir.path("source"), diag, &item.source);
                read_requires(ir, index, pending, diag);
                for (const auto& lr : list_requires) pending.push_back({index, lr.id, lr.path});
                if (!item.id.empty() && item_ids.claim(item.id, ir.path("id"), diag, "item id (in the program)"))
                    p.item_index.emplace(item.id, index);
                p.items.push_back(std::move(item));
            }
        }
        c.section_count = static_cast<std::uint32_t>(p.sections.size()) - c.first_section;
        c.item_count = static_cast<std::uint32_t>(p.items.size()) - c.first_item;
        p.checklists.push_back(std::move(c));
    }
}

std::vector<std::string_view> item_ids(const ProgramData& p) {
    std::vector<std::string_view> ids;
    for (const auto& item : p.items) ids.push_back(item.id);
    return ids;
}

void resolve_requires(ProgramData& p, const std::vector<PendingRequires>& pending, Diagnostics& diag) {
    for (const auto& req : pending) {
        auto it = p.item_index.find(req.id);
        if (req.checklist >= 0) {  // problems are reported on each item of the list
            if (it != p.item_index.end()) p.checklists[static_cast<std::size_t>(req.checklist)].prerequisites.push_back(it->second);
            continue;
        }
        if (it == p.item_index.end()) {
            diag.add(ErrorCode::unknown_reference, req.path,
                     "no item " + quoted_id(req.id, "with this id") + " in the program" + existing_ids(req.id, item_ids(p)));
            continue;
        }
        if (it->second == req.item) {
            diag.add(ErrorCode::cycle, req.path, "item " + quoted_id(req.id, "with this id") + " requires itself");
            continue;
        }
        auto& r = p.items[req.item].prerequisites;
        if (std::find(r.begin(), r.end(), it->second) == r.end()) r.push_back(it->second);
    }
}

// Depth-first search for a cycle among item prerequisites; names it. An
// explicit stack, since a definition may chain thousands of items.
void check_cycles(const ProgramData& p, Diagnostics& diag) {
    enum : unsigned char { unseen, active, finished };
    std::vector<unsigned char> mark(p.items.size(), unseen);
    struct Frame {
        std::uint32_t item;
        std::size_t next;
    };
    std::vector<Frame> stack;
    for (std::uint32_t start = 0; start < p.items.size(); ++start) {
        if (mark[start] != unseen) continue;
        stack.push_back({start, 0});
        mark[start] = active;
        while (!stack.empty()) {
            Frame& f = stack.back();
            const auto& req = p.items[f.item].prerequisites;
            if (f.next == req.size()) {
                mark[f.item] = finished;
                stack.pop_back();
                continue;
            }
            const std::uint32_t r = req[f.next++];
            if (mark[r] == active) {
                std::string names;
                auto from = std::find_if(stack.begin(), stack.end(), [r](const Frame& x) { return x.item == r; });
                for (auto it = from; it != stack.end(); ++it) names += p.items[it->item].id + " -> ";
                names += p.items[r].id;
                diag.add(ErrorCode::cycle, "/checklists", "item prerequisites form a cycle: " + names);
                return;
            }
            if (mark[r] == unseen) {
                mark[r] = active;
                stack.push_back({r, 0});
            }
        }
    }
}

}  // namespace

void ItemReader::check_codes(const json& codes, const std::string& path, Diagnostics& diag, RoleSet* out,
                             bool element_paths) {
    RoleSet set;
    bool ok = true;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::string p = element_paths ? path + "/" + std::to_string(i) : path;
        auto s = read_string(codes[i], p, diag);
        if (!s) { ok = false; continue; }
        auto role = parse_role(*s);
        if (!role) {
            diag.add(ErrorCode::unknown_code, p, "not one of EC, 1:e, FA, AD, SJ, EJ");
            ok = false;
            continue;
        }
        set.add(*role);
    }
    if (set.has(Role::EJ) && !set.waived()) {
        diag.add(ErrorCode::conflicting_codes, path, "EJ (no introduction needed) must stand alone");
        ok = false;
    }
    if (ok) *out = set;
}

void ItemReader::check_due(const json& due, const std::string& path, Diagnostics& diag, DueRule* out) {
    ObjectReader r(due, path, diag, {"months_after_start", "days_before_start", "days_after_hired", "otherwise"});
    if (!r.ok()) return;
    auto months = r.integer("months_after_start", 0, 120);
    auto before = r.integer("days_before_start", 0, 366);
    auto after = r.integer("days_after_hired", 0, 366);
    const int given = int(r.has("months_after_start")) + int(r.has("days_before_start")) + int(r.has("days_after_hired"));
    if (given == 0) {
        diag.add(ErrorCode::missing_field, path,
                 "a due rule needs months_after_start, days_before_start or days_after_hired");
        return;
    }
    if (given > 1) {
        diag.add(ErrorCode::invalid_value, path,
                 "a due rule has one of months_after_start, days_before_start and days_after_hired");
        return;
    }
    DueRule rule;
    if (months) rule = DueRule{DueRule::Kind::months_after_start, static_cast<int>(*months)};
    if (before) rule = DueRule{DueRule::Kind::days_before_start, static_cast<int>(*before)};
    if (r.has("days_after_hired")) {
        // A record may not give the hiring decision: the rule says what applies then.
        const json* otherwise = r.object("otherwise", true);
        if (!otherwise) return;
        DueRule fallback;
        check_due(*otherwise, r.path("otherwise"), diag, &fallback);
        if (fallback.kind == DueRule::Kind::days_after_hired) {
            diag.add(ErrorCode::invalid_value, r.path("otherwise"), "the rule without hired_on cannot depend on hired_on");
            return;
        }
        if (!after || fallback.kind == DueRule::Kind::none) return;  // reported above
        rule = DueRule{DueRule::Kind::days_after_hired, static_cast<int>(*after), fallback.kind, fallback.amount};
    } else if (r.has("otherwise")) {
        diag.add(ErrorCode::invalid_value, r.path("otherwise"), "only a rule on days_after_hired has an otherwise");
        return;
    }
    if (rule.kind != DueRule::Kind::none) *out = rule;
}

void ItemReader::check_source(const json& source, const std::string& path, Diagnostics& diag, SourceRef* out) {
    ObjectReader r(source, path, diag, {"seed", "pages", "quote", "assumption", "interpretation"});
    if (!r.ok()) return;
    SourceRef s;
    read_label(r, "seed", &s.seed, diag);
    read_label(r, "pages", &s.pages, diag);
    read_label(r, "quote", &s.quote, diag, false);
    read_label(r, "assumption", &s.assumption, diag, false);
    read_label(r, "interpretation", &s.interpretation, diag, false);
    // A rule quotes the words it rests on, or says that it rests on none.
    if (!r.has("quote") && !r.has("assumption"))
        diag.add(ErrorCode::missing_field, r.path("quote"),
                 "a citation needs the quote it rests on, or an assumption where the sources are silent");
    *out = std::move(s);
}

namespace {

void read_changes(const ObjectReader& root, ProgramData& p, Diagnostics& diag) {
    const json* changes = root.array("changes");
    if (!changes) return;
    for (std::size_t i = 0; i < changes->size(); ++i) {
        ObjectReader r((*changes)[i], root.path("changes") + "/" + std::to_string(i), diag,
                       {"version", "date", "summary", "sources"});
        if (!r.ok()) continue;
        ProgramChange change;
        read_label(r, "version", &change.version, diag);
        if (auto d = r.date("date", true)) change.date = *d;
        read_label(r, "summary", &change.summary, diag);
        if (const json* sources = r.array("sources")) {
            for (std::size_t k = 0; k < sources->size(); ++k) {
                SourceRef ref;
                ItemReader::check_source((*sources)[k], r.path("sources") + "/" + std::to_string(k), diag, &ref);
                change.sources.push_back(std::move(ref));
            }
        }
        p.changes.push_back(std::move(change));
    }
}

}  // namespace

ProgramData compile_program(const json& definition) {
    Diagnostics diag;
    ProgramData p;
    ObjectReader root(definition, "", diag,
                      {"$schema", "format", "id", "version", "valid_from", "title", "organisation", "field",
                       "sources", "experience", "layers", "phases", "checklists", "components", "recommendations",
                       "changes"});
    if (!root.ok()) diag.throw_if_any();
    root.integer("format", 1, 1, true);  // only format 1 exists
    read_id_field(root, "id", &p.id, diag);
    read_label(root, "version", &p.version, diag);
    if (auto d = root.date("valid_from", true)) p.valid_from = *d;
    read_label(root, "title", &p.title, diag);
    read_label(root, "organisation", &p.organisation, diag, false);
    read_label(root, "field", &p.field, diag, false);
    if (const json* sources = root.object("sources")) {
        for (auto it = sources->begin(); it != sources->end(); ++it)
            read_string(it.value(), member_path(root.path("sources"), it.key()), diag);
    }
    if (const json* exp = root.object("experience")) {
        ObjectReader er(*exp, root.path("experience"), diag, {"note", "source"});
        if (const json* s = er.object("source")) ItemReader::check_source(*s, er.path("source"), diag, &p.experience_source);
        if (auto n = er.string("note")) p.experience_note = std::move(*n);
    }
    if (const json* layers = root.array("layers")) {
        for (std::size_t i = 0; i < layers->size(); ++i)
            if (auto l = read_id((*layers)[i], root.path("layers") + "/" + std::to_string(i), diag))
                p.layers.push_back(std::move(*l));
    }
    read_phases(root, p, diag);
    std::vector<PendingRequires> pending;
    read_checklists(root, p, pending, diag);
    resolve_requires(p, pending, diag);
    read_components(root, p, diag);
    read_changes(root, p, diag);
    if (diag.empty()) check_cycles(p, diag);
    diag.throw_if_any();
    p.public_components.reserve(p.components.size());
    for (const auto& c : p.components) p.public_components.push_back(public_component(c));
    return p;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
