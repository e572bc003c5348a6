// Population evaluation: each person decoded from the columns into facts
// (population_decode.cpp), assessed by the same rules as evaluate()
// (assess.cpp), and the assessment written straight into the output columns.
// No text is built per person. Persons are split across threads in
// contiguous ranges; each thread reuses its scratch from person to person.
#include "yrkesresan/population.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <thread>
#include <unordered_map>

#include "population_decode.hpp"
#include "population_options.hpp"

YRKESRESAN_BEGIN_NAMESPACE

const OutputColumn* PopulationResult::find_person_column(const std::string& name) const noexcept {
    for (const auto& c : persons)
        if (c.name == name) return &c;
    return nullptr;
}

namespace {

using Kind = OutputColumn::Kind;
using detail::no_day;

std::int32_t out_day(std::int32_t day) { return day == no_day ? missing_value : day; }

constexpr std::size_t none = static_cast<std::size_t>(-1);  // a column not asked for

// The per-person table: columns named from the program's ids, never fixed in
// code; indices kept so the hot loop writes by position (none: not asked for).
struct PersonLayout {
    std::size_t rows = 0;
    // Column names -> whether wanted; null: every column. While cataloguing
    // (the first pass), every column's name and groups are listed instead.
    const std::unordered_map<std::string, bool>* wanted = nullptr;
    std::vector<std::pair<std::string, std::vector<std::string>>>* catalog = nullptr;
    std::vector<OutputColumn> cols;
    std::size_t experience_months = none, months_at_start = none, leave_days = none, next_month_on = none, phase = none,
                overdue = none, warnings = none;
    struct PerChecklist {
        std::size_t due, done, waived, blocked, overdue, pending, unassigned, total, complete, completed_on;
        bool any = false;
    };
    std::vector<PerChecklist> checklists;
    struct PerComponent {
        std::size_t eligibility, window_from, window_to, started_on, completed_on;
    };
    std::vector<PerComponent> components;
    struct PerCertificate {
        std::size_t status, completed_on;
    };
    std::vector<PerCertificate> certificates;
    std::vector<std::size_t> recommendations;  // per recommendation: whether it applies on as_of
    bool any_component = false;                // a component's or a certificate's column is wanted

    std::size_t add(std::string name, Kind kind, std::vector<std::string> groups = {},
                    std::vector<std::string> categories = {}) {
        if (catalog) {
            catalog->emplace_back(std::move(name), std::move(groups));
            return none;
        }
        if (wanted && !wanted->count(name)) return none;
        cols.push_back({std::move(name), kind, std::move(categories),
                        std::vector<std::int32_t>(rows, kind == Kind::category ? -1 : missing_value)});
        return cols.size() - 1;
    }
    std::int32_t* col(std::size_t k) { return cols[k].values.data(); }
    void set(std::size_t k, std::size_t p, std::int32_t v) {
        if (k != none) cols[k].values[p] = v;
    }
};

template <class Enum, std::size_t N>
std::vector<std::string> names(const Enum (&values)[N]) {
    std::vector<std::string> out;
    for (auto v : values) out.emplace_back(to_string(v));
    return out;
}

// The category codes of the output are the enums' own values, in this order.
constexpr ItemState item_states[] = {ItemState::done, ItemState::waived, ItemState::blocked, ItemState::overdue,
                                     ItemState::pending};
constexpr Eligibility eligibilities[] = {Eligibility::not_targeted, Eligibility::not_yet,     Eligibility::eligible,
                                         Eligibility::window_passed, Eligibility::in_progress, Eligibility::completed};
constexpr CertificateStatus statuses[] = {CertificateStatus::issued, CertificateStatus::due, CertificateStatus::not_due};

// Adds the person columns, in their order, to L (or to its catalogue).
void fill_layout(PersonLayout& L, const Program& program) {
    const std::size_t n = L.rows;
    std::vector<std::string> phase_ids;
    for (const auto& ph : program.phases()) phase_ids.push_back(ph.id);
    const std::size_t person = L.add("person", Kind::integer);
    if (person != none)
        for (std::size_t p = 0; p < n; ++p) L.cols[person].values[p] = static_cast<std::int32_t>(p);
    L.experience_months = L.add("experience_months", Kind::integer, {"experience"});
    L.months_at_start = L.add("months_at_employment_start", Kind::integer, {"experience"});
    L.leave_days = L.add("leave_days", Kind::integer, {"experience"});
    L.next_month_on = L.add("next_month_on", Kind::day, {"experience"});
    L.phase = L.add("phase", Kind::category, {}, phase_ids);
    for (const auto& c : program.checklists()) {
        PersonLayout::PerChecklist k{};
        k.due = L.add(c.id + ".due", Kind::day, {c.id});
        k.done = L.add(c.id + ".done", Kind::integer, {c.id});
        k.waived = L.add(c.id + ".waived", Kind::integer, {c.id});
        k.blocked = L.add(c.id + ".blocked", Kind::integer, {c.id});
        k.overdue = L.add(c.id + ".overdue", Kind::integer, {c.id});
        k.pending = L.add(c.id + ".pending", Kind::integer, {c.id});
        k.unassigned = L.add(c.id + ".unassigned", Kind::integer, {c.id});
        k.total = L.add(c.id + ".total", Kind::integer, {c.id});
        k.complete = L.add(c.id + ".complete", Kind::boolean, {c.id});
        k.completed_on = L.add(c.id + ".completed_on", Kind::day, {c.id});
        for (auto i : {k.due, k.done, k.waived, k.blocked, k.overdue, k.pending, k.unassigned, k.total, k.complete,
                       k.completed_on})
            k.any = k.any || i != none;
        L.checklists.push_back(k);
    }
    // Components (R4-R7) and their certificates (R8).
    for (const auto& c : program.components()) {
        PersonLayout::PerComponent k{};
        k.eligibility = L.add(c.id + ".eligibility", Kind::category, {c.id}, names(eligibilities));
        k.window_from = L.add(c.id + ".window_from", Kind::day, {c.id});
        k.window_to = L.add(c.id + ".window_to", Kind::day, {c.id});
        k.started_on = L.add(c.id + ".started_on", Kind::day, {c.id});
        k.completed_on = L.add(c.id + ".completed_on", Kind::day, {c.id});
        for (auto i : {k.eligibility, k.window_from, k.window_to, k.started_on, k.completed_on})
            L.any_component = L.any_component || i != none;
        L.components.push_back(k);
    }
    for (const auto& c : program.components())
        if (c.gives_certificate()) {
            PersonLayout::PerCertificate k{
                L.add(c.id + ".certificate", Kind::category, {c.id, "certificates"}, names(statuses)),
                L.add(c.id + ".certificate_completed_on", Kind::day, {c.id, "certificates"})};
            L.any_component = L.any_component || k.status != none || k.completed_on != none;
            L.certificates.push_back(k);
        }
    for (const auto& r : program.recommendations())
        L.recommendations.push_back(L.add(r.id + ".applies", Kind::boolean, {"recommendations"}));
    L.overdue = L.add("overdue", Kind::integer, {"totals"});
    L.warnings = L.add("warnings", Kind::integer, {"totals"});
    L.add("layers", Kind::category);
    L.add("error", Kind::category);
    L.add("error_path", Kind::category);
}

// The columns asked for, by name or group; null: every column. An unknown name
// is the caller's error, at its place in the list.
std::optional<std::unordered_map<std::string, bool>> wanted_columns(const Program& program,
                                                                    const std::optional<std::vector<std::string>>& outputs) {
    if (!outputs) return std::nullopt;
    std::vector<std::pair<std::string, std::vector<std::string>>> catalog;
    PersonLayout dry;
    dry.catalog = &catalog;
    fill_layout(dry, program);
    std::unordered_map<std::string, bool> wanted{{"person", true}, {"error", true}, {"error_path", true}};
    for (std::size_t i = 0; i < outputs->size(); ++i) {
        const std::string& name = (*outputs)[i];
        bool found = false;
        for (const auto& [column, groups] : catalog)
            if (column == name || std::find(groups.begin(), groups.end(), name) != groups.end()) {
                wanted.emplace(column, true);
                found = true;
            }
        if (!found)
            throw Error(ErrorCode::unknown_field, "/outputs/" + std::to_string(i),
                        "not a person column or a group of them (experience, a checklist's or a component's id, "
                        "certificates, recommendations, totals)");
    }
    return wanted;
}

// The long table of items: one row per person x plan entry. In the columnar
// input every person has the plan of the program they are evaluated against,
// so person p owns a range of rows known before any is written, and threads
// write them without joining.
struct ItemColumns {
    std::vector<std::int32_t> person, checklist, section, item, responsible, state, due, planned, done;
    bool with_person = true;  // false: no person column (the bindings rebuild it from rows per person)
    std::vector<std::vector<std::int32_t>*> all() {
        std::vector<std::vector<std::int32_t>*> out{&checklist, &section, &item, &responsible, &state, &due, &planned, &done};
        if (with_person) out.insert(out.begin(), &person);
        return out;
    }
    void resize(std::size_t rows) {
        for (auto* c : all()) c->resize(rows);
    }
};

void write_person(PersonLayout& L, std::size_t p, const detail::PersonFacts& facts, const detail::Assessment& a, Date as_of) {
    L.set(L.experience_months, p, a.months);
    L.set(L.months_at_start, p, a.months_at_employment_start);
    L.set(L.leave_days, p, a.leave_days);
    L.set(L.next_month_on, p, a.next_month_on.day_number());
    L.set(L.phase, p, static_cast<std::int32_t>(a.phase));
    int overdue = 0;
    for (std::size_t k = 0; k < L.checklists.size(); ++k) {
        const auto& co = a.checklists[k];
        const auto& lk = L.checklists[k];
        const auto& s = co.summary;
        overdue += s.overdue;
        if (!lk.any) continue;
        L.set(lk.due, p, out_day(co.due));
        L.set(lk.done, p, s.done);
        L.set(lk.waived, p, s.waived);
        L.set(lk.blocked, p, s.blocked);
        L.set(lk.overdue, p, s.overdue);
        L.set(lk.pending, p, s.pending);
        L.set(lk.unassigned, p, s.unassigned);
        L.set(lk.total, p, s.total);
        L.set(lk.complete, p, co.complete ? 1 : 0);
        L.set(lk.completed_on, p, out_day(co.completed_on));
    }
    if (L.any_component) {
        for (std::size_t k = 0; k < L.components.size(); ++k) {
            const auto& co = a.components[k];
            const auto& lk = L.components[k];
            L.set(lk.eligibility, p, static_cast<std::int32_t>(co.eligibility));
            if (co.has_window) {
                L.set(lk.window_from, p, co.window.from.day_number());
                L.set(lk.window_to, p, co.window.last().day_number());
            }
            L.set(lk.started_on, p, out_day(co.started_on));
            L.set(lk.completed_on, p, out_day(co.completed_on));
        }
        for (std::size_t k = 0; k < L.certificates.size(); ++k) {
            L.set(L.certificates[k].status, p, static_cast<std::int32_t>(a.certificates[k].status));
            L.set(L.certificates[k].completed_on, p, out_day(a.certificates[k].completed_on));
        }
    }
    for (std::size_t k = 0; k < L.recommendations.size() && k < a.recommendation_windows.size(); ++k)
        L.set(L.recommendations[k], p, a.recommendation_windows[k].contains(as_of) ? 1 : 0);
    L.set(L.overdue, p, overdue);
    L.set(L.warnings, p, static_cast<std::int32_t>(facts.event_warnings.size() + a.warnings.size()));
}

// The programs persons are evaluated against: the program, and the programs
// of earlier employments its dated overlays left (program_data.hpp). Items
// and sections are written as codes shared by all of them.
struct Variant {
    const detail::ProgramData* data;
    detail::PreparedTables prep;
    std::vector<std::int32_t> item_code, section_code;  // per item / section of `data`
    std::size_t entries = 0;                            // item rows per person
    std::int32_t layers_code = 0;
};

void write_items(ItemColumns& out, std::size_t first_row, std::size_t p, const Variant& v, const detail::PersonFacts& facts,
                 const detail::Assessment* a) {
    const auto& entries = facts.plan.entries;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const std::size_t r = first_row + e;
        const auto& entry = entries[e];
        if (out.with_person) out.person[r] = static_cast<std::int32_t>(p);
        out.checklist[r] = static_cast<std::int32_t>(entry.checklist);
        out.section[r] = v.section_code[entry.section];
        out.item[r] = entry.item < 0 ? entry.item : v.item_code[static_cast<std::size_t>(entry.item)];
        out.responsible[r] = entry.codes.empty() ? -1 : entry.codes.bits();
        // Without an assessment (the decode-only floor) the recorded facts are written as they are.
        out.state[r] = static_cast<std::int32_t>(a ? a->states[e] : ItemState::pending);
        out.due[r] = a ? out_day(a->due[e]) : missing_value;
        out.planned[r] = out_day(entry.planned);
        out.done[r] = out_day(facts.done[e]);
    }
}

}  // namespace

PopulationResult evaluate_population(const Program& program, const PopulationInput& in, Date as_of,
                                     const detail::PopulationRunOptions& options) {
    const detail::ProgramData& data = detail::program_data(program);
    const std::size_t n = in.persons;
    const auto wanted = wanted_columns(program, options.outputs);
    PersonLayout L;
    L.rows = n;
    L.wanted = wanted ? &*wanted : nullptr;
    fill_layout(L, program);
    auto index_of = [&](const char* name) {
        for (std::size_t k = 0; k < L.cols.size(); ++k)
            if (L.cols[k].name == name) return k;
        return none;
    };
    const std::size_t layers_col = index_of("layers"), error_col = index_of("error"), path_col = index_of("error_path");
    // What the columns asked for need assessed: a checklist for its own columns, every
    // one for the totals and the items; components for theirs and the warnings.
    const bool all_checklists = options.items || L.overdue != none || L.warnings != none;
    detail::AssessScope scope;
    scope.components = L.any_component || L.warnings != none;
    if (!all_checklists)
        for (const auto& k : L.checklists) scope.checklists.push_back(k.any);
    const bool assess_any = options.items || L.phase != none || L.experience_months != none ||
                            L.months_at_start != none || L.leave_days != none || L.next_month_on != none ||
                            std::any_of(L.checklists.begin(), L.checklists.end(), [](const auto& k) { return k.any; }) ||
                            scope.components || L.overdue != none ||
                            std::any_of(L.recommendations.begin(), L.recommendations.end(),
                                        [](std::size_t k) { return k != none; });

    // Section ids repeat across checklists, item ids across programs: one category per distinct id.
    std::vector<std::string> section_ids, item_ids, layer_sets;
    std::unordered_map<std::string, std::int32_t> seen_sections, seen_items, seen_layers;
    auto intern = [](std::unordered_map<std::string, std::int32_t>& seen, std::vector<std::string>& ids, const std::string& id) {
        const auto [it, inserted] = seen.emplace(id, static_cast<std::int32_t>(ids.size()));
        if (inserted) ids.push_back(id);
        return it->second;
    };
    std::vector<Variant> variants;
    auto add_variant = [&](const detail::ProgramData& d) {
        Variant v{&d, detail::prepare_tables(d, in), {}, {}, 0, 0};
        for (const auto& it : d.items) v.item_code.push_back(intern(seen_items, item_ids, it.id));
        for (const auto& sec : d.sections) v.section_code.push_back(intern(seen_sections, section_ids, sec.id));
        std::string layers;
        for (const auto& l : d.layers) layers += (layers.empty() ? "" : ",") + l;
        v.layers_code = intern(seen_layers, layer_sets, layers);
        v.entries = v.prep.template_plan.entries.size();
        variants.push_back(std::move(v));
    };
    add_variant(data);  // first: the program's own items keep their order as codes
    for (const auto& e : data.earlier) add_variant(*e.data);
    // Which program each person has, and where the person's item rows begin.
    std::vector<std::uint8_t> variant_of;
    std::vector<std::size_t> first_row;
    if (!data.earlier.empty()) {
        variant_of.resize(n, 0);
        first_row.resize(n + 1, 0);
        for (std::size_t p = 0; p < n; ++p) {
            const std::int32_t start = in.employment_start.empty() ? missing_value : in.employment_start[p];
            if (start != missing_value && start != not_a_date)
                for (std::size_t e = 0; e < data.earlier.size(); ++e)
                    if (start < data.earlier[e].until.day_number()) {
                        variant_of[p] = static_cast<std::uint8_t>(e + 1);
                        break;
                    }
            first_row[p + 1] = first_row[p] + variants[variant_of[p]].entries;
        }
    }
    auto variant = [&](std::size_t p) -> const Variant& { return variants[variant_of.empty() ? 0 : variant_of[p]]; };
    auto row_of = [&](std::size_t p) { return first_row.empty() ? p * variants[0].entries : first_row[p]; };
    ItemColumns items;
    items.with_person = !options.rows_per_person;
    if (options.items) items.resize(row_of(n));
    std::vector<bool> dropped;

    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / 64)));
    std::vector<std::vector<std::pair<std::size_t, Error>>> errors(threads);
    auto work = [&](unsigned t) {
        const std::size_t first = n * t / threads, last = n * (t + 1) / threads;
        detail::PersonFacts facts;
        detail::Assessment assessment;
        // Written for every person, as an evaluation would be; no rule applied. Every
        // program a person may have shares the checklists and components: overlays add neither.
        if (options.decode_only) {
            assessment.checklists.resize(data.checklists.size());
            assessment.components.resize(data.components.size());
            assessment.certificates.resize(L.certificates.size());
        }
        detail::DecodeScratch scratch;
        std::vector<Problem> problems;
        for (std::size_t p = first; p < last; ++p) {
            problems.clear();
            const Variant& v = variant(p);
            L.set(layers_col, p, v.layers_code);
            if (!detail::decode_row(*v.data, in, v.prep, p, as_of, facts, scratch, problems)) {
                errors[t].emplace_back(p, Error(problems));
                continue;
            }
            if (options.decode_only) {
                write_person(L, p, facts, assessment, as_of);
                if (options.items) write_items(items, row_of(p), p, v, facts, nullptr);
                continue;
            }
            if (!assess_any) continue;
            detail::assess(*v.data, facts, as_of, assessment, scope);
            write_person(L, p, facts, assessment, as_of);
            if (options.items) write_items(items, row_of(p), p, v, facts, &assessment);
        }
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        std::vector<std::exception_ptr> failures(threads);
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                try {
                    work(t);
                } catch (...) {
                    failures[t] = std::current_exception();
                }
            });
        for (auto& th : pool) th.join();
        for (auto& f : failures)
            if (f) std::rethrow_exception(f);
    }

    // Errors: the first person's, or columns naming each; their item rows go.
    std::vector<std::pair<std::size_t, const Error*>> failed;
    for (const auto& per_thread : errors)
        for (const auto& [p, e] : per_thread) failed.emplace_back(p, &e);
    if (!failed.empty() && !options.keep_errors) throw *failed.front().second;
    if (!failed.empty()) {
        std::unordered_map<std::string, std::int32_t> codes, paths;
        dropped.assign(n, false);
        for (const auto& [p, e] : failed) {
            L.cols[error_col].values[p] = intern(codes, L.cols[error_col].categories, std::string(to_string(e->code())));
            L.cols[path_col].values[p] = intern(paths, L.cols[path_col].categories, e->path());
            dropped[p] = true;
        }
        std::size_t out = 0;
        for (std::size_t p = 0; p < n && options.items; ++p) {
            if (dropped[p]) continue;
            const std::size_t entries = variant(p).entries;
            for (auto* c : items.all())
                std::copy_n(c->begin() + static_cast<std::ptrdiff_t>(row_of(p)), entries,
                            c->begin() + static_cast<std::ptrdiff_t>(out));
            out += entries;
        }
        items.resize(out);
    }

    PopulationResult result;
    result.persons = std::move(L.cols);
    if (layers_col != none) result.persons[layers_col].categories = std::move(layer_sets);
    if (!options.items) return result;
    std::vector<std::string> checklist_ids, role_sets(1u << role_count);
    for (const auto& c : program.checklists()) checklist_ids.push_back(c.id);
    for (unsigned bits = 0; bits < role_sets.size(); ++bits)
        for (int r = 0; r < role_count; ++r)
            if (bits & (1u << r)) {
                if (!role_sets[bits].empty()) role_sets[bits] += ",";
                role_sets[bits] += to_string(static_cast<Role>(r));
            }
    auto column = [&](std::string name, Kind kind, std::vector<std::string> cats, std::vector<std::int32_t>& values) {
        result.items.push_back({std::move(name), kind, std::move(cats), std::move(values)});
    };
    if (options.rows_per_person) {
        std::vector<std::int32_t> rows(n);
        for (std::size_t p = 0; p < n; ++p)
            rows[p] = !dropped.empty() && dropped[p] ? 0 : static_cast<std::int32_t>(variant(p).entries);
        column("rows", Kind::integer, {}, rows);
    } else {
        column("person", Kind::integer, {}, items.person);
    }
    column("checklist", Kind::category, std::move(checklist_ids), items.checklist);
    column("section", Kind::category, std::move(section_ids), items.section);
    column("item", Kind::category, std::move(item_ids), items.item);
    column("responsible", Kind::category, std::move(role_sets), items.responsible);
    column("state", Kind::category, names(item_states), items.state);
    column("due", Kind::day, {}, items.due);
    column("planned", Kind::day, {}, items.planned);
    column("done", Kind::day, {}, items.done);
    return result;
}

YRKESRESAN_END_NAMESPACE
