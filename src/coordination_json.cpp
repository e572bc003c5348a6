// The coordination request (data/schema/coordination-request.schema.json)
// and the coordinator's report (data/schema/coordination.schema.json).
#include <cmath>

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "yrkesresan/coordination.hpp"

namespace yrkesresan {
namespace {

using ojson = nlohmann::ordered_json;

// A request holds a whole region's person records: larger than one record.
constexpr detail::InputLimits request_limits{std::size_t{1} << 30, 40};

ojson period_json(const Period& p) { return {{"from", p.from.to_string()}, {"to", p.last().to_string()}}; }

double hours(double h) { return std::round(h * 100) / 100; }

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
    const detail::json doc = detail::parse_json(text, request_limits);
    detail::Diagnostics diag;
    CoordinationRequest req;
    ObjectReader r(doc, "", diag, {"as_of", "term", "language", "persons", "mentors"});
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
    diag.throw_if_any();
    return req;
}

std::string CoordinationReport::to_json() const {
    const auto& pid = person_ids;
    const auto& pmun = person_municipalities;
    ojson j;
    j["program"] = program;
    j["program_version"] = program_version;
    j["as_of"] = as_of.to_string();
    j["term"] = period_json(term);
    j["language"] = language == Language::en ? "en" : "sv";

    std::size_t groups = 0, pairs = 0;
    for (const auto& s : supervision) groups += s.grouping.groups.size();
    for (const auto& m : mentoring) pairs += m.matching.pairs.size();
    j["summary"] = {{"persons", pid.size()},
                    {"course_starts", course_starts.size()},
                    {"windows_passed", windows_passed.size()},
                    {"supervision_groups", groups},
                    {"mentor_pairs", pairs},
                    {"certificates_due", certificates_due.size()}};

    ojson& starts = j["course_starts"] = ojson::array();
    for (const auto& s : course_starts)
        starts.push_back({{"person", pid[s.person]},
                          {"municipality", pmun[s.person]},
                          {"component", s.component},
                          {"eligibility", to_string(s.eligibility)},
                          {"window", period_json(s.window)},
                          {"closes_in_term", s.closes_in_term},
                          {"closes_before_term", s.closes_before_term}});

    ojson& passed = j["windows_passed"] = ojson::array();
    for (const auto& w : windows_passed)
        passed.push_back({{"person", pid[w.person]},
                          {"municipality", pmun[w.person]},
                          {"component", w.component},
                          {"window", period_json(w.window)}});

    ojson& sup = j["supervision"] = ojson::array();
    for (const auto& s : supervision) {
        const auto& g = s.grouping;
        ojson plan;
        plan["component"] = s.component;
        plan["group"] = s.spec.min_size >= 1 ? ojson{{"min", s.spec.min_size},
                                                    {"max", s.spec.max_size},
                                                    {"mix_municipalities", s.spec.mix_municipalities}}
                                             : ojson(nullptr);
        plan["candidates"] = s.candidates.size();
        plan["objective"] = {{"placed", g.objective.placed},
                             {"same_municipality_pairs", g.objective.same_municipality_pairs},
                             {"pairs_lower_bound", g.pairs_lower_bound},
                             {"size_spread", g.objective.size_spread},
                             {"groups", g.objective.groups}};
        ojson& list = plan["groups"] = ojson::array();
        for (std::size_t n = 0; n < g.groups.size(); ++n) {
            const auto& group = g.groups[n];
            ojson members = ojson::array();
            for (std::size_t c : group.members)
                members.push_back({{"person", pid[s.candidates[c]]}, {"municipality", pmun[s.candidates[c]]}});
            list.push_back({{"group", n + 1},
                            {"size", group.members.size()},
                            {"municipalities", group.municipalities},
                            {"same_municipality_pairs", group.same_municipality_pairs},
                            {"members", std::move(members)}});
        }
        ojson& unplaced = plan["unplaced"] = ojson::array();
        for (const auto& u : g.unplaced)
            unplaced.push_back({{"person", pid[s.candidates[u.candidate]]},
                                {"municipality", pmun[s.candidates[u.candidate]]},
                                {"reason", to_string(u.reason)},
                                {"message", unplaced_message(u.reason, s.spec, language)}});
        sup.push_back(std::move(plan));
    }

    ojson& mentor = j["mentoring"] = ojson::array();
    for (const auto& m : mentoring) {
        ojson plan;
        plan["component"] = m.component;
        plan["rules"] = {{"other_municipality", m.rules.other_municipality},
                         {"more_experienced", m.rules.more_experienced}};
        plan["adepts"] = m.adepts.size();
        plan["mentors"] = mentor_ids.size();
        ojson& list = plan["pairs"] = ojson::array();
        for (const auto& p : m.matching.pairs)
            list.push_back({{"adept", pid[m.adepts[p.adept]]},
                            {"adept_municipality", pmun[m.adepts[p.adept]]},
                            {"adept_experience_months", m.adept_months[p.adept]},
                            {"mentor", mentor_ids[p.mentor]},
                            {"mentor_municipality", mentor_municipalities[p.mentor]},
                            {"mentor_experience_months", m.mentor_months[p.mentor]}});
        ojson& unmatched = plan["unmatched"] = ojson::array();
        for (const auto& u : m.matching.unmatched)
            unmatched.push_back({{"adept", pid[m.adepts[u.adept]]},
                                 {"municipality", pmun[m.adepts[u.adept]]},
                                 {"experience_months", m.adept_months[u.adept]},
                                 {"reason", to_string(u.reason)},
                                 {"eligible_mentors", u.eligible_mentors},
                                 {"message", unmatched_message(u, m.rules, language)}});
        std::vector<int> taken(mentor_ids.size(), 0);
        for (const auto& p : m.matching.pairs) ++taken[p.mentor];
        ojson& load = plan["mentor_load"] = ojson::array();
        for (std::size_t i = 0; i < mentor_ids.size(); ++i)
            load.push_back({{"mentor", mentor_ids[i]},
                            {"municipality", mentor_municipalities[i]},
                            {"experience_months", m.mentor_months[i]},
                            {"adepts", taken[i]},
                            {"remaining_capacity", m.matching.remaining_capacity[i]}});
        mentor.push_back(std::move(plan));
    }

    ojson& certs = j["certificates_due"] = ojson::array();
    for (const auto& c : certificates_due)
        certs.push_back({{"person", pid[c.person]},
                         {"municipality", pmun[c.person]},
                         {"component", c.component},
                         {"completed_on", c.completed_on.to_string()},
                         {"certificate_id", c.certificate_id}});

    if (has_introduktor) {
        ojson intro;
        intro["period"] = period_json(term);
        ojson& named = intro["introduktors"] = ojson::array();
        ojson unnamed = ojson::array();
        for (const auto& load : introduktor_hours) {
            ojson newcomers = ojson::array();
            for (const auto& n : load.newcomers)
                newcomers.push_back({{"person", pid[n.person]}, {"municipality", pmun[n.person]}, {"hours", hours(n.hours)}});
            if (load.introduktor.empty())
                unnamed = std::move(newcomers);
            else
                named.push_back({{"introduktor", load.introduktor}, {"hours", hours(load.hours)}, {"newcomers", std::move(newcomers)}});
        }
        intro["without_introduktor"] = std::move(unnamed);
        j["introduktor_hours"] = std::move(intro);
    } else {
        j["introduktor_hours"] = nullptr;
    }
    return j.dump();
}

}  // namespace yrkesresan
