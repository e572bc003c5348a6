// Population columns into per-person facts (see population_decode.hpp).
#include "population_decode.hpp"

#include <algorithm>

#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

std::string row_path(std::string_view table, std::size_t row, std::string_view column) {
    std::string s = "/";
    s += table;
    s += "/" + std::to_string(row);
    if (!column.empty()) {
        s += "/";
        s += column;
    }
    return s;
}

namespace {

Grouped group_rows(ColumnView<std::int32_t> person, std::size_t persons, std::string_view table) {
    Grouped g;
    g.begin.assign(persons + 1, 0);
    for (std::size_t r = 0; r < person.size; ++r) {
        const auto p = person[r];
        if (p < 0 || static_cast<std::size_t>(p) >= persons)
            throw Error(ErrorCode::unknown_reference, row_path(table, r, "person"), "no such person in the persons table");
        ++g.begin[static_cast<std::size_t>(p) + 1];
    }
    for (std::size_t p = 0; p < persons; ++p) g.begin[p + 1] += g.begin[p];
    bool ordered = true;
    for (std::size_t r = 1; r < person.size && ordered; ++r) ordered = person[r - 1] <= person[r];
    if (ordered) return g;
    g.rows.resize(person.size);
    std::vector<std::uint32_t> next(g.begin.begin(), g.begin.end() - 1);
    for (std::size_t r = 0; r < person.size; ++r) g.rows[next[static_cast<std::size_t>(person[r])]++] = static_cast<std::uint32_t>(r);
    return g;
}

void check_length(std::size_t size, std::size_t want, std::string_view table, std::string_view column, bool required) {
    if (size == 0 && !required) return;
    if (size != want)
        throw Error(ErrorCode::invalid_value, "/" + std::string(table) + "/" + std::string(column),
                    "column length " + std::to_string(size) + " differs from the table's " + std::to_string(want) + " rows");
}

void check_codes(const StringColumn& c, std::size_t want, std::string_view table, std::string_view column, bool required) {
    check_length(c.codes.size, want, table, column, required);
    for (std::size_t r = 0; r < c.codes.size; ++r)
        if (c.codes[r] >= static_cast<std::int32_t>(c.labels.size()))
            throw Error(ErrorCode::invalid_value, row_path(table, r, column), "dictionary code out of range");
}

// A date a row could not give: reported on that row, then read as absent
// without a second (missing_field) problem.
constexpr std::int32_t rejected_day = missing_value + 2;

ParsedCodes parse_codes(std::string_view text) {
    ParsedCodes out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ',' || text[i] == ' ')) ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ',' && text[j] != ' ') ++j;
        if (j > i) {
            if (auto role = parse_role(text.substr(i, j - i))) out.set.add(*role);
            else out.problem = ErrorCode::unknown_code;
        }
        i = j;
    }
    if (!out.problem && out.set.has(Role::EJ) && !out.set.waived()) out.problem = ErrorCode::conflicting_codes;
    return out;
}

template <class Map>
std::int32_t find_index(const Map& index, const std::string& id) {
    const auto it = index.find(id);
    return it == index.end() ? -1 : static_cast<std::int32_t>(it->second);
}

const std::string* label(const StringColumn& c, std::size_t row) {
    if (c.codes.empty() || c.codes[row] < 0) return nullptr;
    return &c.labels[static_cast<std::size_t>(c.codes[row])];
}

bool has(const StringColumn* c, std::size_t row) { return c && !c->codes.empty() && c->codes[row] >= 0; }

}  // namespace

PreparedTables prepare_tables(const ProgramData& program, const PopulationInput& in) {
    const std::size_t n = in.persons;
    check_codes(in.id, n, "persons", "id", false);
    check_codes(in.municipality, n, "persons", "municipality", true);
    check_codes(in.unit, n, "persons", "unit", false);
    check_length(in.employment_start.size, n, "persons", "employment_start", true);
    check_length(in.hired_on.size, n, "persons", "hired_on", false);
    check_length(in.profession_start.size, n, "persons", "profession_start", false);
    check_length(in.prior_experience_months.size, n, "persons", "prior_experience_months", false);
    PreparedTables prep;
    for (const auto& r : in.people) {
        if (std::find(named_roles.begin(), named_roles.end(), r.role) == named_roles.end())
            throw Error(ErrorCode::unknown_field, "/persons/" + json_pointer_token(r.role),
                        "not a role: EC, 1:e, FA, AD, introduktor or mentor");
        check_codes(r.holder, n, "persons", json_pointer_token(r.role), true);
        for (const auto& holder : r.holder.labels)
            if (!is_valid_id(holder))
                throw Error(ErrorCode::invalid_value, "/persons/" + json_pointer_token(r.role),
                            "person ids are lowercase ASCII without spaces");
        if (r.role == "FA") prep.fa = &r.holder;
        if (r.role == "1:e") prep.forste = &r.holder;
        if (r.role == "mentor") prep.mentor = &r.holder;
        if (r.role == "introduktor") prep.introduktor = &r.holder;
    }
    check_codes(in.mentor_municipality, n, "persons", "mentor_municipality", false);
    check_length(in.mentor_profession_start.size, n, "persons", "mentor_profession_start", false);
    check_length(in.mentor_prior_experience_months.size, n, "persons", "mentor_prior_experience_months", false);

    const auto& ev = in.events;
    const std::size_t ne = ev.person.size;
    check_codes(ev.type, ne, "events", "type", ne > 0);
    check_codes(ev.ref, ne, "events", "ref", ne > 0);
    check_length(ev.date.size, ne, "events", "date", ne > 0);
    check_codes(ev.round, ne, "events", "round", false);
    const auto& lv = in.leaves;
    const std::size_t nl = lv.person.size;
    check_length(lv.from.size, nl, "leaves", "from", nl > 0);
    check_length(lv.to.size, nl, "leaves", "to", nl > 0);
    check_codes(lv.kind, nl, "leaves", "kind", false);
    const auto& as = in.assignments;
    const std::size_t na = as.person.size;
    check_codes(as.item, na, "assignments", "item", na > 0);
    check_codes(as.codes, na, "assignments", "codes", na > 0);
    const auto& pl = in.planned;
    const std::size_t np = pl.person.size;
    check_codes(pl.item, np, "planned", "item", np > 0);
    check_length(pl.date.size, np, "planned", "date", np > 0);

    if (!in.id.empty()) {
        std::vector<bool> seen(in.id.labels.size(), false);
        for (std::size_t r = 0; r < n; ++r) {
            const auto code = in.id.codes[r];
            if (code < 0) continue;
            if (seen[static_cast<std::size_t>(code)])
                throw Error(ErrorCode::duplicate_id, row_path("persons", r, "id"), "a person id used twice");
            seen[static_cast<std::size_t>(code)] = true;
        }
    }

    prep.events = group_rows(ev.person, n, "events");
    prep.leaves = group_rows(lv.person, n, "leaves");
    prep.assignments = group_rows(as.person, n, "assignments");
    prep.planned = group_rows(pl.person, n, "planned");
    for (const auto& s : ev.type.labels) prep.event_type.push_back(parse_event_type(s));
    for (const auto& s : ev.ref.labels) {
        prep.event_ref_valid.push_back(is_valid_id(s));
        prep.event_item.push_back(find_index(program.item_index, s));
        prep.event_module.push_back(find_index(program.module_index, s));
        prep.event_component.push_back(find_index(program.component_index, s));
    }
    for (const auto& s : lv.kind.labels)
        prep.leave_kind.push_back(parse_leave_kind(s));
    for (const auto& s : as.item.labels) prep.assignment_item.push_back(find_index(program.item_index, s));
    for (const auto& s : as.codes.labels) prep.codes.push_back(parse_codes(s));
    for (const auto& s : pl.item.labels) prep.planned_item.push_back(find_index(program.item_index, s));
    prep.template_plan = build_plan(program, PersonRecord{});
    return prep;
}

bool decode_row(const ProgramData& program, const PopulationInput& in, const PreparedTables& prep, std::size_t p,
                Date as_of, PersonFacts& facts, DecodeScratch& scratch, std::vector<Problem>& problems) {
    const std::size_t first_problem = problems.size();
    auto problem = [&](ErrorCode code, std::string_view table, std::size_t row, std::string_view column,
                       const char* message) { problems.push_back({code, row_path(table, row, column), message}); };
    auto day = [](ColumnView<std::int32_t> c, std::size_t row) { return c.empty() ? missing_value : c[row]; };
    // Dates inside the calendar the library accepts (years 1900-9999); a bad one
    // is this row's problem, never the whole table's.
    auto date_at = [&](ColumnView<std::int32_t> c, std::string_view table, std::size_t row, std::string_view column) {
        static const std::int32_t lo = Date::from_ymd(1900, 1, 1).day_number();
        static const std::int32_t hi = Date::from_ymd(9999, 12, 31).day_number();
        const std::int32_t v = c.empty() ? missing_value : c[row];
        if (v == missing_value) return v;
        if (v == not_a_date) {
            problem(ErrorCode::invalid_date, table, row, column, "not a calendar date: datetime64, datetime.date or YYYY-MM-DD");
            return rejected_day;
        }
        if (v < lo || v > hi) {
            problem(ErrorCode::invalid_date, table, row, column, "the date is outside the years 1900-9999");
            return rejected_day;
        }
        return v;
    };
    auto known = [](std::int32_t d) { return d != missing_value && d != rejected_day; };

    facts.reset(program);
    if (!in.id.empty() && in.id.codes[p] < 0) problem(ErrorCode::missing_field, "persons", p, "id", "required field is missing");
    const std::string* municipality = label(in.municipality, p);
    if (!municipality) problem(ErrorCode::missing_field, "persons", p, "municipality", "required field is missing");
    const std::int32_t start = date_at(in.employment_start, "persons", p, "employment_start");
    if (start == missing_value) problem(ErrorCode::missing_field, "persons", p, "employment_start", "required field is missing");
    facts.employment_start = Date::from_day_number(known(start) ? start : 0);
    const std::int32_t profession = date_at(in.profession_start, "persons", p, "profession_start");
    facts.experience_start = known(profession) ? Date::from_day_number(profession) : facts.employment_start;
    const std::int32_t prior = day(in.prior_experience_months, p);
    if (prior != missing_value) {
        if (prior < 0 || prior > 600)
            problem(ErrorCode::invalid_value, "persons", p, "prior_experience_months", "must be between 0 and 600");
        else facts.prior_experience_months = prior;
    }
    const std::int32_t hired = date_at(in.hired_on, "persons", p, "hired_on");
    if (known(hired) && known(start) && hired > start)
        problem(ErrorCode::reversed_period, "persons", p, "hired_on", "the hiring decision comes after the employment start");
    facts.hired_on = known(hired) ? hired : no_day;
    facts.named_fa = has(prep.fa, p);
    facts.named_forste = has(prep.forste, p);
    facts.named_introduktor = has(prep.introduktor, p);
    facts.named_mentor = has(prep.mentor, p);
    if (const std::string* mentor_municipality = label(in.mentor_municipality, p)) {
        facts.has_mentor_profile = true;
        facts.mentor_same_municipality = municipality && *mentor_municipality == *municipality;
        if (!facts.named_mentor) problem(ErrorCode::missing_field, "persons", p, "mentor", "required with a mentor's profile");
        const std::int32_t mentor_start = date_at(in.mentor_profession_start, "persons", p, "mentor_profession_start");
        if (mentor_start == missing_value)
            problem(ErrorCode::missing_field, "persons", p, "mentor_profession_start", "required with a mentor's profile");
        int mentor_prior = 0;
        const std::int32_t months = day(in.mentor_prior_experience_months, p);
        if (months != missing_value) {
            if (months < 0 || months > 600)
                problem(ErrorCode::invalid_value, "persons", p, "mentor_prior_experience_months", "must be between 0 and 600");
            else mentor_prior = months;
        }
        facts.mentor_anchor = Date::from_day_number(known(mentor_start) ? mentor_start : 0).add_months(-mentor_prior);
    }

    for (auto k = prep.leaves.begin[p]; k < prep.leaves.begin[p + 1]; ++k) {
        const std::size_t row = prep.leaves.row(k);
        const std::int32_t from = date_at(in.leaves.from, "leaves", row, "from");
        const std::int32_t to = date_at(in.leaves.to, "leaves", row, "to");
        if (from == missing_value) problem(ErrorCode::missing_field, "leaves", row, "from", "required field is missing");
        if (to == missing_value) problem(ErrorCode::missing_field, "leaves", row, "to", "required field is missing");
        // A leave without a kind is "other", as in a person record.
        LeaveKind kind = LeaveKind::other;
        if (!in.leaves.kind.empty() && in.leaves.kind.codes[row] >= 0) {
            if (const auto& spelled = prep.leave_kind[static_cast<std::size_t>(in.leaves.kind.codes[row])]) kind = *spelled;
            else problem(ErrorCode::invalid_value, "leaves", row, "kind", "leave kind is parental, sick, study or other");
        }
        if (!known(from) || !known(to)) continue;
        if (to < from) problem(ErrorCode::reversed_period, "leaves", row, "to", "the leave ends before it starts");
        facts.leaves.push_back({Date::from_day_number(from), Date::from_day_number(to), kind});
    }

    // The plan: the program's, with the codes the unit manager filled in.
    facts.plan = prep.template_plan;
    scratch.assigned.resize(program.items.size(), 0);
    const auto stamp = static_cast<std::uint32_t>(p + 1);
    for (auto k = prep.assignments.begin[p]; k < prep.assignments.begin[p + 1]; ++k) {
        const std::size_t row = prep.assignments.row(k);
        const auto item_code = in.assignments.item.codes[row];
        if (item_code < 0) {
            problem(ErrorCode::missing_field, "assignments", row, "item", "required field is missing");
            continue;
        }
        RoleSet codes;
        if (in.assignments.codes.codes[row] >= 0) {
            const ParsedCodes& parsed = prep.codes[static_cast<std::size_t>(in.assignments.codes.codes[row])];
            if (parsed.problem == ErrorCode::unknown_code)
                problem(ErrorCode::unknown_code, "assignments", row, "codes", "not one of EC, 1:e, FA, AD, SJ, EJ");
            else if (parsed.problem == ErrorCode::conflicting_codes)
                problem(ErrorCode::conflicting_codes, "assignments", row, "codes", "EJ (no introduction needed) must stand alone");
            codes = parsed.set;
        }
        const std::int32_t item = prep.assignment_item[static_cast<std::size_t>(item_code)];
        if (item < 0) {
            problem(ErrorCode::unknown_reference, "assignments", row, "item", "no item with this id in the plan");
            continue;
        }
        auto& seen = scratch.assigned[static_cast<std::size_t>(item)];
        if (seen == stamp) {
            problem(ErrorCode::duplicate_id, "assignments", row, "item", "an item assigned twice");
            continue;
        }
        seen = stamp;
        facts.plan.entries[static_cast<std::size_t>(facts.plan.entry_of_item[static_cast<std::size_t>(item)])].codes = codes;
    }

    // The written plan's dates: each is that item's due for this person (R3).
    scratch.dated.resize(program.items.size(), 0);
    for (auto k = prep.planned.begin[p]; k < prep.planned.begin[p + 1]; ++k) {
        const std::size_t row = prep.planned.row(k);
        const auto item_code = in.planned.item.codes[row];
        const std::int32_t date = date_at(in.planned.date, "planned", row, "date");
        if (item_code < 0) problem(ErrorCode::missing_field, "planned", row, "item", "required field is missing");
        if (date == missing_value) problem(ErrorCode::missing_field, "planned", row, "date", "required field is missing");
        if (item_code < 0 || !known(date)) continue;
        const std::int32_t item = prep.planned_item[static_cast<std::size_t>(item_code)];
        if (item < 0) {
            problem(ErrorCode::unknown_reference, "planned", row, "item", "no item with this id in the plan");
            continue;
        }
        auto& seen = scratch.dated[static_cast<std::size_t>(item)];
        if (seen == stamp) {
            problem(ErrorCode::duplicate_id, "planned", row, "item", "an item planned twice");
            continue;
        }
        seen = stamp;
        facts.plan.entries[static_cast<std::size_t>(facts.plan.entry_of_item[static_cast<std::size_t>(item)])].planned = date;
    }

    facts.done.assign(facts.plan.entries.size(), no_day);
    const auto& ev = in.events;
    const std::int32_t today = as_of.day_number();
    for (auto k = prep.events.begin[p]; k < prep.events.begin[p + 1]; ++k) {
        const std::size_t row = prep.events.row(k);
        const auto type_code = ev.type.codes[row];
        const auto ref_code = ev.ref.codes[row];
        const std::int32_t date = date_at(ev.date, "events", row, "date");
        std::optional<EventType> type;
        if (type_code < 0) problem(ErrorCode::missing_field, "events", row, "type", "required field is missing");
        else if (!(type = prep.event_type[static_cast<std::size_t>(type_code)]))
            problem(ErrorCode::invalid_value, "events", row, "type",
                    "event type is item_done, module_attended, homework_submitted, session_attended or certificate_issued");
        const auto ref = static_cast<std::size_t>(ref_code);
        if (ref_code < 0) problem(ErrorCode::missing_field, "events", row, "ref", "required field is missing");
        else if (!prep.event_ref_valid[ref])
            problem(ErrorCode::invalid_value, "events", row, "ref", "ids are lowercase ASCII without spaces");
        if (date == missing_value) problem(ErrorCode::missing_field, "events", row, "date", "required field is missing");
        if (!type || ref_code < 0 || !prep.event_ref_valid[ref] || !known(date)) continue;
        if (date > today) {
            problem(ErrorCode::future_event, "events", row, "date", "recorded after the evaluation date");
            continue;
        }
        switch (*type) {
            case EventType::item_done: {
                const std::int32_t item = prep.event_item[ref];
                if (item < 0) facts.unknown_in_program(static_cast<std::int32_t>(row), *type, date);
                else facts.item_done(static_cast<std::uint32_t>(facts.plan.entry_of_item[static_cast<std::size_t>(item)]), date);
                break;
            }
            case EventType::module_attended:
            case EventType::homework_submitted: {
                const std::int32_t module = prep.event_module[ref];
                if (module < 0) facts.unknown_in_program(static_cast<std::int32_t>(row), *type, date);
                else if (*type == EventType::module_attended)
                    facts.module_attended(program, static_cast<std::uint32_t>(module), date, static_cast<std::int32_t>(row));
                else facts.homework_submitted(program, static_cast<std::uint32_t>(module), date);
                break;
            }
            case EventType::session_attended: {
                const std::int32_t c = prep.event_component[ref];
                if (c < 0) {
                    facts.unknown_in_program(static_cast<std::int32_t>(row), *type, date);
                    break;
                }
                const auto kind = program.components[static_cast<std::size_t>(c)].kind;
                if (kind != Component::Kind::supervision && kind != Component::Kind::annual)
                    problem(ErrorCode::unknown_reference, "events", row, "ref",
                            "no supervision or annual activity with this id in the program");
                else facts.session_attended(static_cast<std::uint32_t>(c), date);
                break;
            }
            case EventType::certificate_issued: {
                const std::int32_t c = prep.event_component[ref];
                if (c < 0) facts.unknown_in_program(static_cast<std::int32_t>(row), *type, date);
                else if (!program.components[static_cast<std::size_t>(c)].certificate)
                    problem(ErrorCode::unknown_reference, "events", row, "ref",
                            "no component with this id and a certificate in the program");
                else facts.certificate_issued(static_cast<std::uint32_t>(c), date);
                break;
            }
        }
    }
    facts.finish_events(program);
    return problems.size() == first_problem;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
