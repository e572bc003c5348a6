// Regional coordination: supervision groups and mentor matching
// over columns, and the coordinator's report as JSON. The GIL is released
// while the C++ core works; results come back as NumPy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/population.hpp"

namespace yr_python {

using namespace yrkesresan;

namespace {

using IntArray = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;

std::optional<Date> day_or_none(std::int32_t day) {
    if (day == missing_value) return std::nullopt;
    return Date::from_day_number(day);
}

void check_length(std::size_t got, std::size_t want, const char* what) {
    if (got != want) throw py::value_error(std::string(what) + " has a different length than the ids");
}

py::array_t<std::int32_t> to_array(std::vector<std::int32_t>&& v) {
    auto* values = new std::vector<std::int32_t>(std::move(v));
    py::capsule owner(values, [](void* p) { delete static_cast<std::vector<std::int32_t>*>(p); });
    return py::array_t<std::int32_t>({static_cast<py::ssize_t>(values->size())}, {sizeof(std::int32_t)},
                                     values->data(), owner);
}

}  // namespace

void register_coordination(py::module_& m) {
    m.def(
        "form_supervision_groups",
        [](std::vector<std::string> ids, std::vector<std::string> municipalities, IntArray start_by, int min_size,
           int max_size, bool mix_municipalities) {
            const std::size_t n = ids.size();
            check_length(municipalities.size(), n, "municipalities");
            check_length(static_cast<std::size_t>(start_by.size()), n, "start_by");
            std::vector<GroupingCandidate> candidates(n);
            for (std::size_t i = 0; i < n; ++i)
                candidates[i] = {std::move(ids[i]), std::move(municipalities[i]), day_or_none(start_by.at(i))};
            GroupingResult r;
            {
                py::gil_scoped_release release;
                r = form_supervision_groups(candidates, {min_size, max_size, mix_municipalities});
            }
            // Per candidate: the group (1-based; 0 unplaced) and the reason.
            std::vector<std::int32_t> group(n, 0);
            std::vector<std::string> reason(n);
            for (std::size_t g = 0; g < r.groups.size(); ++g)
                for (std::size_t c : r.groups[g].members) group[c] = static_cast<std::int32_t>(g + 1);
            for (const auto& u : r.unplaced) reason[u.candidate] = std::string(to_string(u.reason));
            py::dict objective;
            objective["placed"] = r.objective.placed;
            objective["same_municipality_pairs"] = r.objective.same_municipality_pairs;
            objective["pairs_lower_bound"] = r.pairs_lower_bound;
            objective["size_spread"] = r.objective.size_spread;
            objective["groups"] = r.objective.groups;
            return py::make_tuple(to_array(std::move(group)), reason, objective);
        },
        py::arg("ids"), py::arg("municipalities"), py::arg("start_by"), py::arg("min_size"), py::arg("max_size"),
        py::arg("mix_municipalities"),
        "R5 groups over columns; see yrkesresan.form_supervision_groups.");

    m.def(
        "match_mentors",
        [](std::vector<std::string> adept_ids, std::vector<std::string> adept_municipalities, IntArray adept_months,
           IntArray adept_start_by, std::vector<std::string> mentor_ids, std::vector<std::string> mentor_municipalities,
           IntArray mentor_months, IntArray mentor_capacity, bool other_municipality, bool more_experienced) {
            const std::size_t na = adept_ids.size(), nm = mentor_ids.size();
            check_length(adept_municipalities.size(), na, "adept municipalities");
            check_length(static_cast<std::size_t>(adept_months.size()), na, "adept experience");
            check_length(static_cast<std::size_t>(adept_start_by.size()), na, "adept start_by");
            check_length(mentor_municipalities.size(), nm, "mentor municipalities");
            check_length(static_cast<std::size_t>(mentor_months.size()), nm, "mentor experience");
            check_length(static_cast<std::size_t>(mentor_capacity.size()), nm, "mentor capacity");
            std::vector<MentorAdept> adepts(na);
            for (std::size_t i = 0; i < na; ++i)
                adepts[i] = {std::move(adept_ids[i]), std::move(adept_municipalities[i]), adept_months.at(i),
                             day_or_none(adept_start_by.at(i))};
            std::vector<MentorOffer> mentors(nm);
            for (std::size_t i = 0; i < nm; ++i)
                mentors[i] = {std::move(mentor_ids[i]), std::move(mentor_municipalities[i]), mentor_months.at(i),
                              mentor_capacity.at(i)};
            MatchingResult r;
            {
                py::gil_scoped_release release;
                r = match_mentors(adepts, mentors, {other_municipality, more_experienced});
            }
            // Per adept: the mentor's row (-1 unmatched), the reason, the mentors allowed.
            std::vector<std::int32_t> mentor(na, -1), eligible(na, 0);
            std::vector<std::string> reason(na);
            for (const auto& p : r.pairs) mentor[p.adept] = static_cast<std::int32_t>(p.mentor);
            for (const auto& u : r.unmatched) {
                reason[u.adept] = std::string(to_string(u.reason));
                eligible[u.adept] = u.eligible_mentors;
            }
            std::vector<std::int32_t> remaining(r.remaining_capacity.begin(), r.remaining_capacity.end());
            return py::make_tuple(to_array(std::move(mentor)), reason, to_array(std::move(eligible)),
                                  to_array(std::move(remaining)));
        },
        py::arg("adept_ids"), py::arg("adept_municipalities"), py::arg("adept_months"), py::arg("adept_start_by"),
        py::arg("mentor_ids"), py::arg("mentor_municipalities"), py::arg("mentor_months"), py::arg("mentor_capacity"),
        py::arg("other_municipality"), py::arg("more_experienced"),
        "R6 matching over columns; see yrkesresan.match_mentors.");

    m.def(
        "coordinate",
        [](const Program& program, const std::string& request_json) {
            py::gil_scoped_release release;
            return coordinate(program, CoordinationRequest::from_json(request_json)).to_json();
        },
        py::arg("program"), py::arg("request_json"),
        "The coordinator's report (data/schema/coordination.schema.json) for a request document.");
}

}  // namespace yr_python
