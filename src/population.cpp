// Population evaluation: builds each person from the columns, evaluates with
// yrkesresan::evaluate (the rules live there and only there) and writes the
// results as columns. Persons are split across threads in contiguous ranges.
#include "yrkesresan/population.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <unordered_map>

#include "json_input.hpp"
#include "yrkesresan/components.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/person.hpp"

namespace yrkesresan {

const OutputColumn* PopulationResult::find_person_column(const std::string& name) const noexcept {
    for (const auto& c : persons)
        if (c.name == name) return &c;
    return nullptr;
}

namespace {

using Kind = OutputColumn::Kind;

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

// Rows of a long table grouped by person (a counting sort, stable in row order).
struct Grouped {
    std::vector<std::uint32_t> begin;  // rows of person p: rows[begin[p] .. begin[p+1])
    std::vector<std::uint32_t> rows;
};

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

// Day numbers inside the calendar the library accepts (years 1900-9999).
void check_days(ColumnView<std::int32_t> c, std::string_view table, std::string_view column) {
    static const std::int32_t lo = Date::from_ymd(1900, 1, 1).day_number();
    static const std::int32_t hi = Date::from_ymd(9999, 12, 31).day_number();
    for (std::size_t r = 0; r < c.size; ++r)
        if (c[r] != missing_value && (c[r] < lo || c[r] > hi))
            throw Error(ErrorCode::invalid_date, row_path(table, r, column), "the date is outside the years 1900-9999");
}

const std::string* label(const StringColumn& c, std::size_t row) {
    if (c.codes.empty() || c.codes[row] < 0) return nullptr;
    return &c.labels[static_cast<std::size_t>(c.codes[row])];
}

std::optional<Date> day(ColumnView<std::int32_t> c, std::size_t row) {
    if (c.empty() || c[row] == missing_value) return std::nullopt;
    return Date::from_day_number(c[row]);
}

// Codes as the seed writes them, "EC,FA" or "EC FA"; problems as for the person record.
struct ParsedCodes {
    RoleSet set;
    std::optional<ErrorCode> problem;
};

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

// The input decoded once per table, shared read-only by the threads.
struct Prepared {
    Grouped events, leaves, assignments;
    std::vector<std::optional<EventType>> event_types;  // per label of events.type
    std::vector<bool> valid_event_ref;                  // per label of events.ref
    std::vector<bool> valid_leave_kind;                 // per label of leaves.kind
    std::vector<ParsedCodes> codes;                     // per label of assignments.codes
};

std::optional<EventType> parse_event_type(std::string_view s) {
    for (auto t : {EventType::item_done, EventType::module_attended, EventType::homework_submitted,
                   EventType::session_attended, EventType::certificate_issued})
        if (to_string(t) == s) return t;
    return std::nullopt;
}

Prepared prepare(const PopulationInput& in) {
    const std::size_t n = in.persons;
    check_codes(in.id, n, "persons", "id", false);
    check_codes(in.municipality, n, "persons", "municipality", true);
    check_codes(in.unit, n, "persons", "unit", false);
    check_length(in.employment_start.size, n, "persons", "employment_start", true);
    check_length(in.hired_on.size, n, "persons", "hired_on", false);
    check_length(in.profession_start.size, n, "persons", "profession_start", false);
    check_length(in.prior_experience_months.size, n, "persons", "prior_experience_months", false);
    for (const auto& r : in.people) {
        static constexpr std::string_view roles[] = {"EC", "1:e", "FA", "AD", "introduktor", "mentor"};
        if (std::find(std::begin(roles), std::end(roles), r.role) == std::end(roles))
            throw Error(ErrorCode::unknown_field, "/persons/" + json_pointer_token(r.role),
                        "not a role: EC, 1:e, FA, AD, introduktor or mentor");
        check_codes(r.holder, n, "persons", json_pointer_token(r.role), true);
        for (std::size_t i = 0; i < r.holder.labels.size(); ++i)
            if (!detail::is_valid_id(r.holder.labels[i]))
                throw Error(ErrorCode::invalid_value, "/persons/" + json_pointer_token(r.role),
                            "person ids are lowercase ASCII without spaces");
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

    check_days(in.employment_start, "persons", "employment_start");
    check_days(in.hired_on, "persons", "hired_on");
    check_days(in.profession_start, "persons", "profession_start");
    check_days(in.mentor_profession_start, "persons", "mentor_profession_start");
    check_days(ev.date, "events", "date");
    check_days(lv.from, "leaves", "from");
    check_days(lv.to, "leaves", "to");
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

    Prepared p;
    p.events = group_rows(ev.person, n, "events");
    p.leaves = group_rows(lv.person, n, "leaves");
    p.assignments = group_rows(as.person, n, "assignments");
    for (const auto& s : ev.type.labels) p.event_types.push_back(parse_event_type(s));
    for (const auto& s : ev.ref.labels) p.valid_event_ref.push_back(detail::is_valid_id(s));
    for (const auto& s : lv.kind.labels)
        p.valid_leave_kind.push_back(s == "parental" || s == "sick" || s == "study" || s == "other");
    for (const auto& s : as.codes.labels) p.codes.push_back(parse_codes(s));
    return p;
}

// Maps a JSON Pointer into one person's record to a pointer into the tables.
std::string table_path(const std::string& path, std::size_t person, const Prepared& prep, const PersonRecord& record,
                       const std::vector<std::uint32_t>& assignment_rows) {
    auto rebase = [&](std::string_view prefix, std::string_view table, const Grouped& g) -> std::optional<std::string> {
        if (path.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
        const std::size_t end = path.find('/', prefix.size());
        const std::string index = path.substr(prefix.size(), end == std::string::npos ? std::string::npos : end - prefix.size());
        std::size_t k = 0;
        try {
            k = std::stoul(index);
        } catch (const std::exception&) {
            return std::nullopt;
        }
        const std::size_t first = g.begin[person];
        if (first + k >= g.begin[person + 1]) return std::nullopt;
        std::string rest = end == std::string::npos ? "" : path.substr(end);
        return "/" + std::string(table) + "/" + std::to_string(g.rows[first + k]) + rest;
    };
    if (auto p = rebase("/events/", "events", prep.events)) return *p;
    if (auto p = rebase("/leaves/", "leaves", prep.leaves)) return *p;
    const std::string assignments = "/plan/assignments/";
    if (path.compare(0, assignments.size(), assignments) == 0) {
        const std::string token = path.substr(assignments.size());
        for (std::size_t k = 0; k < record.plan.assignments.size(); ++k)
            if (json_pointer_token(record.plan.assignments[k].first) == token)
                return row_path("assignments", assignment_rows[k], "item");
    }
    return row_path("persons", person, "") + path;
}

// Builds one person's record from the columns; problems point into the tables.
PersonRecord build_person(const PopulationInput& in, const Prepared& prep, std::size_t p,
                          std::vector<std::uint32_t>& assignment_rows) {
    std::vector<Problem> problems;
    auto problem = [&](ErrorCode code, std::string path, std::string message) {
        problems.push_back({code, std::move(path), std::move(message)});
    };
    PersonRecord person;
    if (const std::string* id = label(in.id, p)) person.id = *id;
    else if (!in.id.empty()) problem(ErrorCode::missing_field, row_path("persons", p, "id"), "required field is missing");
    else person.id = "row-" + std::to_string(p);
    if (const std::string* m = label(in.municipality, p)) person.municipality = *m;
    else problem(ErrorCode::missing_field, row_path("persons", p, "municipality"), "required field is missing");
    if (const std::string* u = label(in.unit, p)) person.unit = *u;
    if (auto start = day(in.employment_start, p)) person.employment_start = *start;
    else problem(ErrorCode::missing_field, row_path("persons", p, "employment_start"), "required field is missing");
    person.hired_on = day(in.hired_on, p);
    person.profession_start = day(in.profession_start, p);
    if (!in.prior_experience_months.empty() && in.prior_experience_months[p] != missing_value) {
        const auto m = in.prior_experience_months[p];
        if (m < 0 || m > 600)
            problem(ErrorCode::invalid_value, row_path("persons", p, "prior_experience_months"), "must be between 0 and 600");
        else person.prior_experience_months = m;
    }
    if (person.hired_on && day(in.employment_start, p) && *person.hired_on > person.employment_start)
        problem(ErrorCode::reversed_period, row_path("persons", p, "hired_on"),
                "the hiring decision comes after the employment start");
    for (const auto& r : in.people)
        if (const std::string* holder = label(r.holder, p)) person.people.emplace(r.role, *holder);
    if (const std::string* mentor_municipality = label(in.mentor_municipality, p)) {
        MentorProfile m;
        m.municipality = *mentor_municipality;
        const auto named = person.people.find("mentor");
        if (named != person.people.end()) m.id = named->second;
        else problem(ErrorCode::missing_field, row_path("persons", p, "mentor"), "required with a mentor's profile");
        if (auto start = day(in.mentor_profession_start, p)) m.profession_start = *start;
        else
            problem(ErrorCode::missing_field, row_path("persons", p, "mentor_profession_start"),
                    "required with a mentor's profile");
        if (!in.mentor_prior_experience_months.empty() && in.mentor_prior_experience_months[p] != missing_value) {
            const auto months = in.mentor_prior_experience_months[p];
            if (months < 0 || months > 600)
                problem(ErrorCode::invalid_value, row_path("persons", p, "mentor_prior_experience_months"),
                        "must be between 0 and 600");
            else m.prior_experience_months = months;
        }
        person.mentor = std::move(m);
    }

    for (auto k = prep.leaves.begin[p]; k < prep.leaves.begin[p + 1]; ++k) {
        const std::size_t row = prep.leaves.rows[k];
        const auto from = day(in.leaves.from, row);
        const auto to = day(in.leaves.to, row);
        if (!from) problem(ErrorCode::missing_field, row_path("leaves", row, "from"), "required field is missing");
        if (!to) problem(ErrorCode::missing_field, row_path("leaves", row, "to"), "required field is missing");
        Leave leave{from.value_or(Date()), to.value_or(Date()), "other"};
        if (const std::string* kind = label(in.leaves.kind, row)) {
            if (!prep.valid_leave_kind[static_cast<std::size_t>(in.leaves.kind.codes[row])])
                problem(ErrorCode::invalid_value, row_path("leaves", row, "kind"), "leave kind is parental, sick, study or other");
            leave.kind = *kind;
        }
        if (from && to && *to < *from)
            problem(ErrorCode::reversed_period, row_path("leaves", row, "to"), "the leave ends before it starts");
        if (from && to) person.leaves.push_back(std::move(leave));
    }

    assignment_rows.clear();
    for (auto k = prep.assignments.begin[p]; k < prep.assignments.begin[p + 1]; ++k) {
        const std::size_t row = prep.assignments.rows[k];
        const std::string* item = label(in.assignments.item, row);
        if (!item) {
            problem(ErrorCode::missing_field, row_path("assignments", row, "item"), "required field is missing");
            continue;
        }
        RoleSet codes;
        if (in.assignments.codes.codes[row] >= 0) {
            const ParsedCodes& parsed = prep.codes[static_cast<std::size_t>(in.assignments.codes.codes[row])];
            if (parsed.problem == ErrorCode::unknown_code)
                problem(ErrorCode::unknown_code, row_path("assignments", row, "codes"), "not one of EC, 1:e, FA, AD, SJ, EJ");
            else if (parsed.problem == ErrorCode::conflicting_codes)
                problem(ErrorCode::conflicting_codes, row_path("assignments", row, "codes"),
                        "EJ (no introduction needed) must stand alone");
            codes = parsed.set;
        }
        bool duplicate = false;
        for (const auto& [id, set] : person.plan.assignments) duplicate = duplicate || id == *item;
        if (duplicate) {
            problem(ErrorCode::duplicate_id, row_path("assignments", row, "item"), "item '" + *item + "' assigned twice");
            continue;
        }
        person.plan.assignments.emplace_back(*item, codes);
        assignment_rows.push_back(static_cast<std::uint32_t>(row));
    }

    const auto& ev = in.events;
    person.events.reserve(prep.events.begin[p + 1] - prep.events.begin[p]);
    for (auto k = prep.events.begin[p]; k < prep.events.begin[p + 1]; ++k) {
        const std::size_t row = prep.events.rows[k];
        Event e;
        const auto type_code = ev.type.codes[row];
        const auto ref_code = ev.ref.codes[row];
        const auto date = day(ev.date, row);
        if (type_code < 0) problem(ErrorCode::missing_field, row_path("events", row, "type"), "required field is missing");
        else if (auto t = prep.event_types[static_cast<std::size_t>(type_code)]) e.type = *t;
        else
            problem(ErrorCode::invalid_value, row_path("events", row, "type"),
                    "event type is item_done, module_attended, homework_submitted, session_attended or certificate_issued");
        if (ref_code < 0) problem(ErrorCode::missing_field, row_path("events", row, "ref"), "required field is missing");
        else if (!prep.valid_event_ref[static_cast<std::size_t>(ref_code)])
            problem(ErrorCode::invalid_value, row_path("events", row, "ref"), "ids are lowercase ASCII without spaces");
        else e.ref = ev.ref.labels[static_cast<std::size_t>(ref_code)];
        if (date) e.date = *date;
        else problem(ErrorCode::missing_field, row_path("events", row, "date"), "required field is missing");
        if (const std::string* round = label(ev.round, row)) e.round = *round;
        person.events.push_back(std::move(e));
    }
    if (!problems.empty()) throw Error(std::move(problems));
    return person;
}

// Output columns, indexed once so the hot loop writes by position.
struct PersonColumns {
    std::vector<OutputColumn> cols;
    OutputColumn& add(std::string name, Kind kind, std::size_t rows, std::vector<std::string> categories = {}) {
        cols.push_back({std::move(name), kind, std::move(categories), std::vector<std::int32_t>(rows, missing_value)});
        if (kind == Kind::category) std::fill(cols.back().values.begin(), cols.back().values.end(), -1);
        return cols.back();
    }
};

std::int32_t day_or_missing(const std::optional<Date>& d) { return d ? d->day_number() : missing_value; }

// Column layout of the per-person table. Indices into PersonColumns::cols.
struct PersonLayout {
    std::size_t person, experience_months, months_at_start, leave_days, next_month_on, phase, overdue, warnings;
    struct PerChecklist {
        std::size_t due, done, waived, blocked, overdue, pending, unassigned, total, complete, completed_on;
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
};

template <class Enum, std::size_t N>
std::vector<std::string> names(const Enum (&values)[N]) {
    std::vector<std::string> out;
    for (auto v : values) out.emplace_back(to_string(v));
    return out;
}

std::int32_t index_of(const std::vector<std::string>& ids, const std::string& id) {
    const auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? -1 : static_cast<std::int32_t>(it - ids.begin());
}

struct ItemRows {
    std::vector<std::int32_t> person, checklist, section, item, responsible, state, due, done;
};

struct ThreadOutput {
    ItemRows items;
    std::vector<std::pair<std::size_t, Error>> errors;
};

}  // namespace

PopulationResult evaluate_population(const Program& program, const PopulationInput& in, Date as_of,
                                     const PopulationOptions& options) {
    const std::size_t n = in.persons;
    const Prepared prep = prepare(in);

    // Categories named from the program's own ids.
    std::vector<std::string> phase_ids;
    for (const auto& ph : program.phases()) phase_ids.push_back(ph.id);
    std::vector<std::string> checklist_ids;
    for (const auto& c : program.checklists()) checklist_ids.push_back(c.id);
    std::vector<std::string> item_ids;
    for (const auto& it : program.items()) item_ids.push_back(it.id);
    std::vector<std::string> section_ids;
    std::vector<std::int32_t> section_code(program.sections().size());
    {
        std::unordered_map<std::string, std::int32_t> seen;
        for (std::size_t s = 0; s < program.sections().size(); ++s) {
            const auto& id = program.sections()[s].id;
            auto [it, inserted] = seen.emplace(id, static_cast<std::int32_t>(section_ids.size()));
            if (inserted) section_ids.push_back(id);
            section_code[s] = it->second;
        }
    }
    static constexpr ItemState item_states[] = {ItemState::done, ItemState::waived, ItemState::blocked,
                                                ItemState::overdue, ItemState::pending};
    const std::vector<std::string> state_names = names(item_states);
    std::vector<std::string> role_sets(1u << role_count);
    for (unsigned bits = 0; bits < role_sets.size(); ++bits)
        for (int r = 0; r < role_count; ++r)
            if (bits & (1u << r)) {
                if (!role_sets[bits].empty()) role_sets[bits] += ",";
                role_sets[bits] += to_string(static_cast<Role>(r));
            }

    PersonColumns pc;
    PersonLayout L{};
    auto add = [&](std::string name, Kind kind, std::vector<std::string> cats = {}) {
        pc.add(std::move(name), kind, n, std::move(cats));
        return pc.cols.size() - 1;
    };
    L.person = add("person", Kind::integer);
    L.experience_months = add("experience_months", Kind::integer);
    L.months_at_start = add("months_at_employment_start", Kind::integer);
    L.leave_days = add("leave_days", Kind::integer);
    L.next_month_on = add("next_month_on", Kind::day);
    L.phase = add("phase", Kind::category, phase_ids);
    for (const auto& c : checklist_ids) {
        PersonLayout::PerChecklist k{};
        k.due = add(c + ".due", Kind::day);
        k.done = add(c + ".done", Kind::integer);
        k.waived = add(c + ".waived", Kind::integer);
        k.blocked = add(c + ".blocked", Kind::integer);
        k.overdue = add(c + ".overdue", Kind::integer);
        k.pending = add(c + ".pending", Kind::integer);
        k.unassigned = add(c + ".unassigned", Kind::integer);
        k.total = add(c + ".total", Kind::integer);
        k.complete = add(c + ".complete", Kind::boolean);
        k.completed_on = add(c + ".completed_on", Kind::day);
        L.checklists.push_back(k);
    }
    // Components (R4-R6) and their certificates (R8), named from the program.
    static constexpr Eligibility eligibilities[] = {Eligibility::not_targeted, Eligibility::not_yet,
                                                    Eligibility::eligible,     Eligibility::window_passed,
                                                    Eligibility::in_progress,  Eligibility::completed};
    static constexpr CertificateStatus statuses[] = {CertificateStatus::issued, CertificateStatus::due,
                                                     CertificateStatus::not_due};
    std::vector<std::string> component_ids, certificate_ids;
    for (const auto& c : program.components()) {
        component_ids.push_back(c.id);
        PersonLayout::PerComponent k{};
        k.eligibility = add(c.id + ".eligibility", Kind::category, names(eligibilities));
        k.window_from = add(c.id + ".window_from", Kind::day);
        k.window_to = add(c.id + ".window_to", Kind::day);
        k.started_on = add(c.id + ".started_on", Kind::day);
        k.completed_on = add(c.id + ".completed_on", Kind::day);
        L.components.push_back(k);
    }
    for (const auto& c : program.components()) {
        if (!c.certificate) continue;
        certificate_ids.push_back(c.id);
        L.certificates.push_back({add(c.id + ".certificate", Kind::category, names(statuses)),
                                  add(c.id + ".certificate_completed_on", Kind::day)});
    }
    L.overdue = add("overdue", Kind::integer);
    L.warnings = add("warnings", Kind::integer);
    for (std::size_t p = 0; p < n; ++p) pc.cols[L.person].values[p] = static_cast<std::int32_t>(p);

    // One contiguous range of persons per thread; each writes its own rows of
    // the person columns and keeps its item rows, joined in order afterwards.
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / 64)));
    std::vector<ThreadOutput> outputs(threads);
    auto work = [&](unsigned t) {
        const std::size_t first = n * t / threads, last = n * (t + 1) / threads;
        ThreadOutput& out = outputs[t];
        std::vector<std::uint32_t> assignment_rows;
        std::uint32_t guess = 0;
        for (std::size_t p = first; p < last; ++p) {
            std::optional<PersonRecord> person;
            try {
                person = build_person(in, prep, p, assignment_rows);
                const Evaluation ev = evaluate(program, *person, as_of);
                auto& c = pc.cols;
                c[L.experience_months].values[p] = ev.experience.months;
                c[L.months_at_start].values[p] = ev.experience.months_at_employment_start;
                c[L.leave_days].values[p] = ev.experience.leave_days;
                c[L.next_month_on].values[p] = ev.experience.next_month_on.day_number();
                const auto phase = std::find(phase_ids.begin(), phase_ids.end(), ev.phase.id);
                c[L.phase].values[p] = phase == phase_ids.end() ? -1 : static_cast<std::int32_t>(phase - phase_ids.begin());
                int overdue = 0;
                for (std::size_t k = 0; k < ev.checklists.size() && k < L.checklists.size(); ++k) {
                    const ChecklistResult& cr = ev.checklists[k];
                    const auto& lk = L.checklists[k];
                    const auto& s = cr.summary;
                    c[lk.due].values[p] = day_or_missing(cr.due);
                    c[lk.done].values[p] = s.done;
                    c[lk.waived].values[p] = s.waived;
                    c[lk.blocked].values[p] = s.blocked;
                    c[lk.overdue].values[p] = s.overdue;
                    c[lk.pending].values[p] = s.pending;
                    c[lk.unassigned].values[p] = s.unassigned;
                    c[lk.total].values[p] = s.total;
                    c[lk.complete].values[p] = cr.complete ? 1 : 0;
                    c[lk.completed_on].values[p] = day_or_missing(cr.completed_on);
                    overdue += s.overdue;
                    for (const ItemResult& ir : cr.items) {
                        // Items come in program order: check the next one before a lookup.
                        if (guess >= item_ids.size() || item_ids[guess] != ir.id) {
                            const auto found = program.find_item(ir.id);
                            guess = found ? *found : static_cast<std::uint32_t>(item_ids.size());
                        }
                        const bool known = guess < item_ids.size();
                        ItemRows& r = out.items;
                        r.person.push_back(static_cast<std::int32_t>(p));
                        r.checklist.push_back(static_cast<std::int32_t>(k));
                        r.section.push_back(known ? section_code[program.items()[guess].section] : -1);
                        r.item.push_back(known ? static_cast<std::int32_t>(guess) : -1);
                        r.responsible.push_back(ir.responsible.empty() ? -1 : ir.responsible.bits());
                        r.state.push_back(static_cast<std::int32_t>(
                            std::find(std::begin(item_states), std::end(item_states), ir.state) - std::begin(item_states)));
                        r.due.push_back(day_or_missing(ir.due));
                        r.done.push_back(day_or_missing(ir.done));
                        if (known) ++guess;
                    }
                }
                for (const ComponentResult& cr : ev.components) {
                    const auto k = index_of(component_ids, cr.id);
                    if (k < 0) continue;
                    const auto& lk = L.components[static_cast<std::size_t>(k)];
                    c[lk.eligibility].values[p] = static_cast<std::int32_t>(
                        std::find(std::begin(eligibilities), std::end(eligibilities), cr.eligibility) -
                        std::begin(eligibilities));
                    if (cr.window) {
                        c[lk.window_from].values[p] = cr.window->from.day_number();
                        c[lk.window_to].values[p] = cr.window->last().day_number();
                    }
                    c[lk.started_on].values[p] = day_or_missing(cr.started_on);
                    c[lk.completed_on].values[p] = day_or_missing(cr.completed_on);
                }
                for (const CertificateResult& cr : ev.certificates) {
                    const auto k = index_of(certificate_ids, cr.component);
                    if (k < 0) continue;
                    const auto& lk = L.certificates[static_cast<std::size_t>(k)];
                    c[lk.status].values[p] = static_cast<std::int32_t>(
                        std::find(std::begin(statuses), std::end(statuses), cr.status) - std::begin(statuses));
                    c[lk.completed_on].values[p] = day_or_missing(cr.completed_on);
                }
                c[L.overdue].values[p] = overdue;
                c[L.warnings].values[p] = static_cast<std::int32_t>(ev.warnings.size());
            } catch (const Error& e) {
                if (!person) {
                    out.errors.emplace_back(p, e);
                    continue;
                }
                std::vector<Problem> problems = e.problems();
                for (auto& pr : problems) pr.path = table_path(pr.path, p, prep, *person, assignment_rows);
                out.errors.emplace_back(p, Error(std::move(problems)));
            }
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

    // Errors: the first person's, or columns naming each.
    std::vector<std::pair<std::size_t, const Error*>> errors;
    for (const auto& o : outputs)
        for (const auto& [p, e] : o.errors) errors.emplace_back(p, &e);
    if (!errors.empty() && !options.keep_errors) throw *errors.front().second;
    pc.add("error", Kind::category, n);
    pc.add("error_path", Kind::category, n);
    {
        std::unordered_map<std::string, std::int32_t> codes, paths;
        auto intern = [](std::unordered_map<std::string, std::int32_t>& m, std::vector<std::string>& labels, std::string s) {
            auto [it, inserted] = m.emplace(s, static_cast<std::int32_t>(labels.size()));
            if (inserted) labels.push_back(std::move(s));
            return it->second;
        };
        OutputColumn& code_col = pc.cols[pc.cols.size() - 2];
        OutputColumn& path_col = pc.cols[pc.cols.size() - 1];
        for (const auto& [p, e] : errors) {
            code_col.values[p] = intern(codes, code_col.categories, std::string(to_string(e->code())));
            path_col.values[p] = intern(paths, path_col.categories, e->path());
        }
    }

    PopulationResult result;
    result.persons = std::move(pc.cols);
    std::size_t rows = 0;
    for (const auto& o : outputs) rows += o.items.person.size();
    auto join = [&](std::string name, Kind kind, std::vector<std::string> cats, std::vector<std::int32_t> ItemRows::*field) {
        OutputColumn col{std::move(name), kind, std::move(cats), {}};
        col.values.reserve(rows);
        for (const auto& o : outputs) col.values.insert(col.values.end(), (o.items.*field).begin(), (o.items.*field).end());
        result.items.push_back(std::move(col));
    };
    join("person", Kind::integer, {}, &ItemRows::person);
    join("checklist", Kind::category, checklist_ids, &ItemRows::checklist);
    join("section", Kind::category, section_ids, &ItemRows::section);
    join("item", Kind::category, item_ids, &ItemRows::item);
    join("responsible", Kind::category, role_sets, &ItemRows::responsible);
    join("state", Kind::category, state_names, &ItemRows::state);
    join("due", Kind::day, {}, &ItemRows::due);
    join("done", Kind::day, {}, &ItemRows::done);
    return result;
}

}  // namespace yrkesresan
