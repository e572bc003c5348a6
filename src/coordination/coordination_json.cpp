// The coordination request (data/schema/coordination-request.schema.json)
// and the coordinator's report (data/schema/coordination.schema.json).
#include <algorithm>
#include <cmath>

#include "json_input.hpp"
#include "json_writer.hpp"
#include "yrkesresan/coordination.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {

// A request holds a whole region's person records: larger than one record.
constexpr detail::InputLimits request_limits{std::size_t{1} << 30, 40};

using detail::JsonWriter;

void write_period(JsonWriter& w, const Period& p) { w.begin_object().member("from", p.from).member("to", p.last()).end_object(); }


double hours(double h) { return std::round(h * 100) / 100; }

void write_newcomers(JsonWriter& w, const IntroduktorLoad& load, const std::vector<std::string>& pid,
                     const std::vector<std::string>& pmun) {
    w.begin_array();
    for (const auto& n : load.newcomers)
        w.begin_object().member("person", pid[n.person]).member("municipality", pmun[n.person]).member("hours", hours(n.hours)).end_object();
    w.end_array();
}

std::string replace(std::string text, const std::string& key, const std::string& value) {
    const std::string token = "{" + key + "}";
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
    return text;
}

std::string unplaced_message(UnplacedReason reason, const GroupSpec& spec, Language lang) {
    const bool sv = lang == Language::sv;
    std::string text;
    switch (reason) {
        case UnplacedReason::too_few_people:
            text = sv ? "Färre än {min} ska börja: ingen grupp kan bildas denna termin."
                      : "Fewer than {min} people are due to start: no group can be formed this term.";
            break;
        case UnplacedReason::groups_full:
            text = sv ? "Alla grupper har {max} deltagare och de som är kvar är färre än {min}; "
                        "den vars fönster stänger senast väntar till nästa grupp."
                      : "Every group has {max} members and those left are fewer than {min}; "
                        "the person whose window closes last waits for the next group.";
            break;
    }
    return replace(replace(text, "min", std::to_string(spec.min_size)), "max", std::to_string(spec.max_size));
}

std::string annual_unplaced_message(UnplacedReason reason, const GroupSpec& spec, int year, Language lang) {
    const bool sv = lang == Language::sv;
    std::string text;
    switch (reason) {
        case UnplacedReason::too_few_people:
            text = sv ? "Färre än {min} är anställda {year}: ingen grupp kan bildas."
                      : "Fewer than {min} people are employed in {year}: no group can be formed.";
            break;
        case UnplacedReason::groups_full:
            text = sv ? "Alla grupper har {max} deltagare och de som är kvar är färre än {min}; "
                        "de som börjar senast under året står först utanför."
                      : "Every group has {max} members and those left are fewer than {min}; "
                        "those who join latest in the year are left out first.";
            break;
    }
    return replace(replace(replace(text, "min", std::to_string(spec.min_size)), "max", std::to_string(spec.max_size)),
                   "year", std::to_string(year));
}

// The objective, the groups and the unplaced of a grouping over persons.
template <class Message>
void write_grouping(JsonWriter& w, const GroupingResult& g, const std::vector<std::size_t>& candidates,
                    const std::vector<std::string>& pid, const std::vector<std::string>& pmun, Message message) {
    w.key("objective")
        .begin_object()
        .member("placed", g.objective.placed)
        .member("same_municipality_pairs", g.objective.same_municipality_pairs)
        .member("pairs_lower_bound", g.pairs_lower_bound)
        .member("size_spread", g.objective.size_spread)
        .member("groups", g.objective.groups)
        .end_object()
        .key("groups")
        .begin_array();
    for (std::size_t n = 0; n < g.groups.size(); ++n) {
        const auto& group = g.groups[n];
        w.begin_object()
            .member("group", n + 1)
            .member("size", group.members.size())
            .member("municipalities", group.municipalities)
            .member("same_municipality_pairs", group.same_municipality_pairs)
            .key("members")
            .begin_array();
        for (std::size_t c : group.members)
            w.begin_object().member("person", pid[candidates[c]]).member("municipality", pmun[candidates[c]]).end_object();
        w.end_array().end_object();
    }
    w.end_array().key("unplaced").begin_array();
    for (const auto& u : g.unplaced)
        w.begin_object()
            .member("person", pid[candidates[u.candidate]])
            .member("municipality", pmun[candidates[u.candidate]])
            .member("reason", to_string(u.reason))
            .member("message", message(u.reason))
            .end_object();
    w.end_array();
}

std::string unmatched_message(const UnmatchedAdept& u, const MatchingRules& rules, Language lang) {
    const bool sv = lang == Language::sv;
    std::string which;
    if (rules.other_municipality) which += sv ? " från en annan kommun" : " from another municipality";
    if (rules.more_experienced) which += sv ? " med mer erfarenhet" : " with more experience";
    if (u.reason == UnmatchedReason::no_eligible_mentor)
        return sv ? "Ingen mentor" + which + " finns bland de tillgängliga." : "No mentor" + which + " is available.";
    const int n = u.eligible_mentors;
    const std::string count = n == 1 ? (sv ? "en möjlig mentor" : "is one possible mentor")
                                     : std::to_string(n) + (sv ? " möjliga mentorer" : " possible mentors");
    if (sv) return "Det finns " + count + which + ", men " + (n == 1 ? "dess" : "alla deras") + " platser är tagna.";
    return std::string("There ") + (n == 1 ? "" : "are ") + count + which + ", but " +
           (n == 1 ? "its places are" : "all their places are") + " taken.";
}

}  // namespace

CoordinationRequest CoordinationRequest::from_json(std::string_view text) {
    using detail::ObjectReader;
    const detail::Document document(detail::parse_json(text, request_limits));
    const detail::json& doc = document.get();
    detail::Diagnostics diag;
    CoordinationRequest req;
    ObjectReader r(doc, "", diag, {"as_of", "term", "language", "persons", "mentors", "annual_groups"});
    if (!r.ok()) diag.throw_if_any();
    if (auto d = r.date("as_of", true)) req.as_of = *d;
    if (const detail::json* term = r.object("term", true)) {
        ObjectReader tr(*term, r.path("term"), diag, {"from", "to"});
        auto from = tr.date("from", true);
        auto to = tr.date("to", true);
        if (from && to) {
            if (*to < *from) diag.add(ErrorCode::reversed_period, tr.path("to"), "the term ends before it starts");
            req.term = Period{*from, to->add_days(1)};
        }
    }
    if (auto lang = r.string("language")) {
        if (*lang == "sv") req.language = Language::sv;
        else if (*lang == "en") req.language = Language::en;
        else diag.add(ErrorCode::invalid_value, r.path("language"), "language is sv or en");
    }
    if (const detail::json* persons = r.array("persons", true)) {
        for (std::size_t i = 0; i < persons->size(); ++i) {
            const std::string path = r.path("persons") + "/" + std::to_string(i);
            try {
                req.persons.push_back(PersonRecord::from_json((*persons)[i].dump()));
            } catch (const Error& e) {
                for (const Problem& p : e.problems()) diag.add(p.code, path + p.path, p.message);
            }
        }
    }
    if (const detail::json* mentors = r.array("mentors")) {
        for (std::size_t i = 0; i < mentors->size(); ++i) {
            ObjectReader mr((*mentors)[i], r.path("mentors") + "/" + std::to_string(i), diag,
                            {"id", "municipality", "profession_start", "prior_experience_months", "capacity"});
            if (!mr.ok()) continue;
            MentorVolunteer m;
            if (auto v = mr.id("id", true)) m.id = std::move(*v);
            if (auto v = mr.id("municipality", true)) m.municipality = std::move(*v);
            if (auto v = mr.date("profession_start", true)) m.profession_start = *v;
            if (auto v = mr.integer("prior_experience_months", 0, 600)) m.prior_experience_months = static_cast<int>(*v);
            if (auto v = mr.integer("capacity", 0, 1000)) m.capacity = static_cast<int>(*v);
            req.mentors.push_back(std::move(m));
        }
    }
    if (const detail::json* annual = r.array("annual_groups")) {
        for (std::size_t i = 0; i < annual->size(); ++i) {
            ObjectReader ar((*annual)[i], r.path("annual_groups") + "/" + std::to_string(i), diag,
                            {"component", "year", "group"});
            if (!ar.ok()) continue;
            AnnualGroupRequest a;
            if (auto v = ar.id("component", true)) a.component = std::move(*v);
            if (auto v = ar.integer("year", 1, 9999)) a.year = static_cast<int>(*v);
            if (const detail::json* group = ar.object("group")) {
                ObjectReader gr(*group, ar.path("group"), diag, {"min", "max"});
                auto mn = gr.integer("min", 1, 1000, true);
                auto mx = gr.integer("max", 1, 1000, true);
                if (mn && mx && *mx < *mn) diag.add(ErrorCode::invalid_value, gr.path("max"), "max is below min");
                if (mn) a.min_size = static_cast<int>(*mn);
                if (mx) a.max_size = static_cast<int>(*mx);
            }
            req.annual_groups.push_back(std::move(a));
        }
    }
    diag.throw_if_any();
    return req;
}

std::string CoordinationReport::to_json() const {
    const auto& pid = person_ids;
    const auto& pmun = person_municipalities;
    std::string out;
    JsonWriter w(out);
    w.begin_object()
        .member("program", program)
        .member("program_version", program_version)
        .member("as_of", as_of)
        .key("term");
    write_period(w, term);
    w.member("language", language == Language::en ? "en" : "sv");

    std::size_t groups = 0, pairs = 0;
    for (const auto& s : supervision) groups += s.grouping.groups.size();
    for (const auto& m : mentoring) pairs += m.matching.pairs.size();
    std::size_t annual = 0;
    for (const auto& a : annual_groups) annual += a.grouping.groups.size();
    w.key("summary")
        .begin_object()
        .member("persons", pid.size())
        .member("course_starts", course_starts.size())
        .member("windows_passed", windows_passed.size())
        .member("supervision_groups", groups)
        .member("mentor_pairs", pairs)
        .member("annual_groups", annual)
        .member("certificates_due", certificates_due.size())
        .end_object();

    w.key("course_starts").begin_array();
    for (const auto& s : course_starts) {
        w.begin_object()
            .member("person", pid[s.person])
            .member("municipality", pmun[s.person])
            .member("component", s.component)
            .member("eligibility", to_string(s.eligibility))
            .key("window");
        write_period(w, s.window);
        w.member("closes_in_term", s.closes_in_term).member("closes_before_term", s.closes_before_term).end_object();
    }
    w.end_array().key("windows_passed").begin_array();
    for (const auto& p : windows_passed) {
        w.begin_object()
            .member("person", pid[p.person])
            .member("municipality", pmun[p.person])
            .member("component", p.component)
            .key("window");
        write_period(w, p.window);
        w.end_object();
    }
    w.end_array().key("supervision").begin_array();
    for (const auto& s : supervision) {
        const auto& g = s.grouping;
        w.begin_object().member("component", s.component).key("group");
        if (s.spec.min_size >= 1)
            w.begin_object()
                .member("min", s.spec.min_size)
                .member("max", s.spec.max_size)
                .member("mix_municipalities", s.spec.mix_municipalities)
                .end_object();
        else
            w.value(nullptr);
        w.member("candidates", s.candidates.size());
        write_grouping(w, g, s.candidates, pid, pmun,
                       [&](UnplacedReason reason) { return unplaced_message(reason, s.spec, language); });
        w.end_object();
    }
    w.end_array().key("annual_groups").begin_array();
    for (const auto& a : annual_groups) {
        w.begin_object()
            .member("component", a.component)
            .member("year", a.year)
            .key("group")
            .begin_object()
            .member("min", a.spec.min_size)
            .member("max", a.spec.max_size)
            .member("mix_municipalities", a.spec.mix_municipalities)
            .member("size_from", a.size_from_request ? "request" : "program")
            .end_object()
            .member("candidates", a.candidates.size())
            .key("joining")
            .begin_array();
        for (const auto& j : a.joining)
            w.begin_object()
                .member("person", pid[j.person])
                .member("municipality", pmun[j.person])
                .member("employment_start", j.employment_start)
                .end_object();
        w.end_array();
        write_grouping(w, a.grouping, a.candidates, pid, pmun, [&](UnplacedReason reason) {
            return annual_unplaced_message(reason, a.spec, a.year, language);
        });
        w.end_object();
    }
    w.end_array().key("mentoring").begin_array();
    for (const auto& m : mentoring) {
        w.begin_object()
            .member("component", m.component)
            .key("rules")
            .begin_object()
            .member("other_municipality", m.rules.other_municipality)
            .member("more_experienced", m.rules.more_experienced)
            .end_object()
            .member("adepts", m.adepts.size())
            .member("mentors", mentor_ids.size())
            .key("pairs")
            .begin_array();
        for (const auto& p : m.matching.pairs)
            w.begin_object()
                .member("adept", pid[m.adepts[p.adept]])
                .member("adept_municipality", pmun[m.adepts[p.adept]])
                .member("adept_experience_months", m.adept_months[p.adept])
                .member("mentor", mentor_ids[p.mentor])
                .member("mentor_municipality", mentor_municipalities[p.mentor])
                .member("mentor_experience_months", m.mentor_months[p.mentor])
                .end_object();
        w.end_array().key("unmatched").begin_array();
        for (const auto& u : m.matching.unmatched)
            w.begin_object()
                .member("adept", pid[m.adepts[u.adept]])
                .member("municipality", pmun[m.adepts[u.adept]])
                .member("experience_months", m.adept_months[u.adept])
                .member("reason", to_string(u.reason))
                .member("eligible_mentors", u.eligible_mentors)
                .member("message", unmatched_message(u, m.rules, language))
                .end_object();
        std::vector<int> taken(mentor_ids.size(), 0);
        for (const auto& p : m.matching.pairs) ++taken[p.mentor];
        w.end_array().key("mentor_load").begin_array();
        for (std::size_t i = 0; i < mentor_ids.size(); ++i)
            w.begin_object()
                .member("mentor", mentor_ids[i])
                .member("municipality", mentor_municipalities[i])
                .member("experience_months", m.mentor_months[i])
                .member("adepts", taken[i])
                .member("remaining_capacity", m.matching.remaining_capacity[i])
                .end_object();
        w.end_array().end_object();
    }
    w.end_array().key("certificates_due").begin_array();
    for (const auto& c : certificates_due)
        w.begin_object()
            .member("person", pid[c.person])
            .member("municipality", pmun[c.person])
            .member("component", c.component)
            .member("completed_on", c.completed_on)
            .member("certificate_id", c.certificate_id)
            .end_object();
    w.end_array().key("introduktor_hours");
    if (has_introduktor) {
        w.begin_object().key("period");
        write_period(w, term);
        w.key("introduktors").begin_array();
        for (const auto& load : introduktor_hours) {
            if (load.introduktor.empty()) continue;
            w.begin_object().member("introduktor", load.introduktor).member("hours", hours(load.hours)).key("newcomers");
            write_newcomers(w, load, pid, pmun);
            w.end_object();
        }
        w.end_array().key("without_introduktor");
        // The newcomers without an introduktör: the load under "", if any.
        const auto unnamed = std::find_if(introduktor_hours.begin(), introduktor_hours.end(),
                                          [](const IntroduktorLoad& load) { return load.introduktor.empty(); });
        if (unnamed != introduktor_hours.end())
            write_newcomers(w, *unnamed, pid, pmun);
        else
            w.begin_array().end_array();
        w.end_object();
    } else {
        w.value(nullptr);
    }
    w.end_object();
    return out;
}

YRKESRESAN_END_NAMESPACE
