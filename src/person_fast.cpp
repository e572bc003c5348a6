// The person record read straight from its text, for the common case of a
// well-formed, valid record (person_read.hpp).
#include "person_read.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "jcs.hpp"
#include "json_input.hpp"

namespace yrkesresan::detail {
namespace {

// Anything this reader does not expect: the strict path reads the record.
struct GiveUp {};


class Reader {
public:
    explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    void finish() {
        skip_space();
        if (p_ != end_) throw GiveUp{};
    }

    // An object's members: `member(key)` reads each value. A key twice is
    // the caller's to find (Members).
    template <class Member>
    void object(Member&& member) {
        container('{', '}', [&] {
            const std::string_view key = text();
            expect(':');
            member(key);
        });
    }
    template <class Item>
    void array(Item&& item) {
        container('[', ']', item);
    }

    // A string value (text() below).
    std::string_view string_view() {
        value();
        return text();
    }
    std::string string() { return std::string(string_view()); }
    // An id: a string that is not empty (ObjectReader::id).
    std::string id() {
        std::string s = string();
        if (s.empty()) throw GiveUp{};
        return s;
    }
    Date date() {
        const auto d = Date::parse(string_view());
        if (!d) throw GiveUp{};
        return *d;
    }
    // A plain integer literal in [0, max]: no sign, fraction or exponent.
    int integer(int max) {
        value();
        skip_space();
        const char* start = p_;
        long long n = 0;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
            n = n * 10 + (*p_ - '0');
            if (n > max) throw GiveUp{};
            ++p_;
        }
        const std::size_t digits = static_cast<std::size_t>(p_ - start);
        if (digits == 0 || (digits > 1 && *start == '0')) throw GiveUp{};
        if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) throw GiveUp{};
        return static_cast<int>(n);
    }

private:
    // Calls `each` for every item or member, no more than the limit allows.
    template <class Each>
    void container(char open_bracket, char close_bracket, Each&& each) {
        open(open_bracket);
        if (peek() == close_bracket) {
            ++p_;
        } else {
            for (std::size_t count = 1;; ++count) {
                if (count > person_limits.max_items) throw GiveUp{};
                each();
                if (!next_or(close_bracket)) break;
            }
        }
        --depth_;
    }
    // A string or key without escapes, valid UTF-8, within the string limit.
    std::string_view text() {
        expect('"');
        const char* start = p_;
        while (p_ < end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                const std::string_view s(start, static_cast<std::size_t>(p_ - start));
                ++p_;
                if (s.size() > person_limits.max_string_bytes) throw GiveUp{};
                return s;
            }
            if (c == '\\' || c < 0x20) throw GiveUp{};
            if (c < 0x80) {
                ++p_;
                continue;
            }
            const std::size_t n = utf8_sequence_length(reinterpret_cast<const unsigned char*>(p_),
                                                       reinterpret_cast<const unsigned char*>(end_));
            if (n == 0) throw GiveUp{};
            p_ += n;
        }
        throw GiveUp{};
    }
    void skip_space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    char peek() {
        skip_space();
        if (p_ == end_) throw GiveUp{};
        return *p_;
    }
    void expect(char c) {
        if (peek() != c) throw GiveUp{};
        ++p_;
    }
    // ',' (true: another follows) or `close` (false).
    bool next_or(char close) {
        const char c = peek();
        ++p_;
        if (c == ',') return true;
        if (c == close) return false;
        throw GiveUp{};
    }
    void open(char bracket) {
        value();
        expect(bracket);
        if (++depth_ > person_limits.max_depth) throw GiveUp{};
    }
    void value() {
        if (++values_ > person_limits.max_values) throw GiveUp{};
    }

    const char* p_;
    const char* end_;
    std::size_t depth_ = 0, values_ = 0;
};

// The fields of each object of the record, as the strict path defines them.
constexpr std::string_view person_fields[] = {"id", "municipality", "unit", "employment_start", "hired_on",
                                              "profession_start", "prior_experience_months", "leaves",
                                              "people", "plan", "events", "mentor"};
constexpr std::string_view leave_fields[] = {"from", "to", "kind"};
constexpr std::string_view plan_fields[] = {"assignments", "added_items", "removed_items", "planned"};
constexpr std::string_view added_item_fields[] = {"id", "checklist", "section", "label", "comment", "responsible",
                                                  "planned"};
// Every field any event type has; event() checks which its type takes.
constexpr std::string_view event_fields[] = {"type", "item", "module", "component", "date", "round", "certificate"};
constexpr std::string_view mentor_fields[] = {"id", "municipality", "profession_start", "prior_experience_months"};

// Each of an object's fields at most once, and no other.
class Members {
public:
    template <std::size_t N>
    explicit Members(const std::string_view (&fields)[N]) : fields_(fields), count_(N) {}
    // The index of `key` among the fields.
    std::size_t take(std::string_view key) {
        for (std::size_t i = 0; i < count_; ++i) {
            if (fields_[i] != key) continue;
            if (has(i)) throw GiveUp{};
            seen_ |= 1u << i;
            return i;
        }
        throw GiveUp{};
    }
    bool has(std::size_t i) const { return (seen_ >> i) & 1u; }

private:
    const std::string_view* fields_;
    std::size_t count_;
    std::uint32_t seen_ = 0;
};

// read_codes of person_parse.cpp, for valid codes only.
RoleSet codes(Reader& in) {
    RoleSet set;
    in.array([&] {
        const auto role = parse_role(in.string_view());
        if (!role) throw GiveUp{};
        set.add(*role);
    });
    if (set.has(Role::EJ) && !set.waived()) throw GiveUp{};
    return set;
}

Leave leave(Reader& in) {
    Leave l{Date::from_day_number(0), Date::from_day_number(0), "other"};
    Members m(leave_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: l.from = in.date(); break;
            case 1: l.to = in.date(); break;
            default:
                l.kind = in.string();
                if (!one_of(l.kind, leave_kinds)) throw GiveUp{};
        }
    });
    if (!m.has(0) || !m.has(1) || l.to < l.from) throw GiveUp{};
    return l;
}

PlanItem added_item(Reader& in) {
    PlanItem item;
    Members m(added_item_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0:
                item.id = in.id();
                if (!is_valid_id(item.id)) throw GiveUp{};
                break;
            case 1: item.checklist = in.id(); break;
            case 2: item.section = in.id(); break;
            case 3:
                item.label = in.string();
                if (item.label.empty()) throw GiveUp{};
                break;
            case 4: item.comment = in.string(); break;
            case 5: item.responsible = codes(in); break;
            default: item.planned = in.date();
        }
    });
    if (!m.has(0) || !m.has(1) || !m.has(3)) throw GiveUp{};
    return item;
}

void plan(Reader& in, Plan& plan) {
    Members m(plan_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0:
                in.object([&](std::string_view item) {
                    if (!is_valid_id(item)) throw GiveUp{};
                    plan.assignments.emplace_back(std::string(item), codes(in));
                });
                // In key order, as the strict path reads them (and no key twice).
                std::sort(plan.assignments.begin(), plan.assignments.end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
                for (std::size_t i = 1; i < plan.assignments.size(); ++i)
                    if (plan.assignments[i - 1].first == plan.assignments[i].first) throw GiveUp{};
                break;
            case 1: in.array([&] { plan.added_items.push_back(added_item(in)); }); break;
            case 2: in.array([&] { plan.removed_items.push_back(in.id()); }); break;
            default:
                in.object([&](std::string_view item) {
                    if (!is_valid_id(item)) throw GiveUp{};
                    plan.planned.emplace_back(std::string(item), in.date());
                });
                std::sort(plan.planned.begin(), plan.planned.end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
                for (std::size_t i = 1; i < plan.planned.size(); ++i)
                    if (plan.planned[i - 1].first == plan.planned[i].first) throw GiveUp{};
        }
    });
}

Event event(Reader& in) {
    // The type decides which fields the event has, and it may come last:
    // the other members are kept until the end.
    Event ev;
    std::string_view type, item, module, component, round, certificate;
    bool has_date = false;
    Members m(event_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: type = in.string_view(); break;
            case 1: item = in.string_view(); break;
            case 2: module = in.string_view(); break;
            case 3: component = in.string_view(); break;
            case 4:
                ev.date = in.date();
                has_date = true;
                break;
            case 5: round = in.string_view(); break;
            default: certificate = in.string_view();
        }
    });
    // Which of item (1), module (2), component (3), round (5), certificate
    // (6) the type takes; the reference is required and not empty.
    std::size_t ref = 0, extra = 0;
    if (type == "item_done") ev.type = EventType::item_done, ref = 1;
    else if (type == "module_attended") ev.type = EventType::module_attended, ref = 2, extra = 5;
    else if (type == "homework_submitted") ev.type = EventType::homework_submitted, ref = 2;
    else if (type == "session_attended") ev.type = EventType::session_attended, ref = 3;
    else if (type == "certificate_issued") ev.type = EventType::certificate_issued, ref = 3, extra = 6;
    else throw GiveUp{};
    for (std::size_t field : {1, 2, 3, 5, 6})
        if (m.has(field) && field != ref && field != extra) throw GiveUp{};
    const std::string_view reference = ref == 1 ? item : ref == 2 ? module : component;
    if (!has_date || reference.empty()) throw GiveUp{};
    ev.ref = std::string(reference);
    ev.round = std::string(extra == 5 ? round : extra == 6 ? certificate : std::string_view());
    return ev;
}

MentorProfile mentor(Reader& in) {
    MentorProfile mp;
    Members m(mentor_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: mp.id = in.id(); break;
            case 1: mp.municipality = in.id(); break;
            case 2: mp.profession_start = in.date(); break;
            default: mp.prior_experience_months = in.integer(600);
        }
    });
    if (!m.has(0) || !m.has(1) || !m.has(2)) throw GiveUp{};
    return mp;
}

PersonRecord person(Reader& in) {
    PersonRecord p;
    Members m(person_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: p.id = in.id(); break;
            case 1: p.municipality = in.id(); break;
            case 2: p.unit = in.string(); break;
            case 3: p.employment_start = in.date(); break;
            case 4: p.hired_on = in.date(); break;
            case 5: p.profession_start = in.date(); break;
            case 6: p.prior_experience_months = in.integer(600); break;
            case 7: in.array([&] { p.leaves.push_back(leave(in)); }); break;
            case 8:
                in.object([&](std::string_view role) {
                    if (!one_of(role, people_roles)) throw GiveUp{};
                    if (!p.people.emplace(std::string(role), in.id()).second) throw GiveUp{};
                });
                break;
            case 9: plan(in, p.plan); break;
            case 10: in.array([&] { p.events.push_back(event(in)); }); break;
            default: p.mentor = mentor(in);
        }
    });
    in.finish();
    if (!m.has(0) || !m.has(1) || !m.has(3)) throw GiveUp{};
    if (p.hired_on && *p.hired_on > p.employment_start) throw GiveUp{};
    if (p.mentor) {
        const auto named = p.people.find("mentor");
        if (named != p.people.end() && named->second != p.mentor->id) throw GiveUp{};
    }
    return p;
}

}  // namespace

std::optional<PersonRecord> read_person_fast(std::string_view text) {
    if (text.size() > person_limits.max_bytes) return std::nullopt;
    try {
        Reader in(text);
        return person(in);
    } catch (const GiveUp&) {
        return std::nullopt;
    }
}

}  // namespace yrkesresan::detail
