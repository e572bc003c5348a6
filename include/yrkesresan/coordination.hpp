// Regional coordination: what a coordinator of GR's 13 or
// Uppsala's 8 municipalities plans a term with.
//
//   form_supervision_groups  R5: groups of group_min..group_max that mix
//                            municipalities (seed 001, pages 20 and 31); the same
//                            algorithm forms the groups of annual activities
//   plan_annual_groups       R7: groups for an annual activity of a calendar
//                            year, everyone employed in the year, mixing
//                            municipalities as the program says (seed 000)
//   match_mentors            R6: each adept a more experienced mentor from
//                            another municipality (seed 001, pages 20-22)
//   introduktor_load         R6: hours each introduktör owes in a period
//   coordinate               all of it over a population on one date, with
//                            who should start the course this term, who has
//                            passed a window and which certificates are due
//
// Pure functions: no clock, no I/O, no randomness; the same input gives the
// same output whatever its order (ties are broken by ids). The objectives
// and why the algorithms reach them: docs/coordination.md.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE

// ---------------------------------------------------------------------------
// Group formation (R5)
// ---------------------------------------------------------------------------

struct GroupingCandidate {
    std::string id;  // pseudonymous person id, unique among the candidates
    std::string municipality;
    // The last day of the person's window. When not everyone can be placed,
    // among people of one municipality the earlier start_by is placed first
    // (none: last), then the smaller id.
    std::optional<Date> start_by;
};

struct GroupSpec {
    int min_size = 0;  // >= 1
    int max_size = 0;  // >= min_size
    // false: municipalities are not mixed on purpose (every candidate counts
    // as one municipality for the objective); pairs are still reported.
    bool mix_municipalities = true;
};

// The lexicographic objective, best first: (1) most people placed, (2) fewest
// pairs of group members from the same municipality, (3) the smallest
// difference between the largest and the smallest group, (4) fewest groups
// (each group needs a supervisor).
struct GroupingObjective {
    int placed = 0;
    std::int64_t same_municipality_pairs = 0;
    int size_spread = 0;
    int groups = 0;
};
// True when a is strictly better than b in the order above.
bool better(const GroupingObjective& a, const GroupingObjective& b) noexcept;

struct SupervisionGroup {
    std::vector<std::size_t> members;  // indices into the candidates, by id
    int municipalities = 0;            // distinct municipalities in the group
    std::int64_t same_municipality_pairs = 0;
};

enum class UnplacedReason : std::uint8_t {
    too_few_people,  // fewer candidates than group_min: no group can be formed
    groups_full,     // every group is at group_max and the rest are fewer than group_min
};
std::string_view to_string(UnplacedReason reason) noexcept;

struct UnplacedCandidate {
    std::size_t candidate;  // index into the candidates
    UnplacedReason reason;
};

struct GroupingResult {
    std::vector<SupervisionGroup> groups;
    std::vector<UnplacedCandidate> unplaced;  // by id
    GroupingObjective objective;
    // No partition into groups of the spec has fewer same-municipality pairs
    // than this, whatever the number of groups (docs/coordination.md).
    std::int64_t pairs_lower_bound = 0;
};

// Throws Error(invalid_value) for a spec outside 1 <= min_size <= max_size,
// Error(duplicate_id) for an id given twice (paths "/candidates/<i>/id").
GroupingResult form_supervision_groups(const std::vector<GroupingCandidate>& candidates, const GroupSpec& spec);

// ---------------------------------------------------------------------------
// Mentor matching (R6)
// ---------------------------------------------------------------------------

struct MentorAdept {
    std::string id;  // unique among the adepts
    std::string municipality;
    int experience_months = 0;  // completed months of experience on the planning date
    std::optional<Date> start_by;  // the last day of the mentor window; earlier first within a class
};

struct MentorOffer {
    std::string id;  // unique among the mentors
    std::string municipality;
    int experience_months = 0;
    int capacity = 1;  // adepts this mentor can take on, >= 0
};

struct MatchingRules {
    bool other_municipality = true;  // the mentor is from another municipality than the adept
    bool more_experienced = true;    // the mentor has strictly more months of experience
};

struct MentorPair {
    std::size_t adept;   // index into the adepts
    std::size_t mentor;  // index into the mentors
};

enum class UnmatchedReason : std::uint8_t {
    no_eligible_mentor,   // no mentor at all satisfies the rules for this adept
    mentors_at_capacity,  // some do, but all of their capacity is used by others
};
std::string_view to_string(UnmatchedReason reason) noexcept;

struct UnmatchedAdept {
    std::size_t adept;
    UnmatchedReason reason;
    int eligible_mentors = 0;  // mentors the rules allow for this adept (with capacity > 0)
};

struct MatchingResult {
    std::vector<MentorPair> pairs;         // by adept id
    std::vector<UnmatchedAdept> unmatched; // by adept id
    std::vector<int> remaining_capacity;   // per mentor, in input order
};

// A maximum matching: as many adepts matched as the rules and capacities
// allow (a maximum b-matching, computed as a maximum flow). Throws
// Error(duplicate_id) for an id given twice, Error(invalid_value) for a
// negative capacity (paths "/adepts/<i>/id", "/mentors/<i>/capacity").
MatchingResult match_mentors(const std::vector<MentorAdept>& adepts, const std::vector<MentorOffer>& mentors,
                             const MatchingRules& rules = {});

// ---------------------------------------------------------------------------
// Introduktör planning (R6)
// ---------------------------------------------------------------------------

struct IntroduktorNewcomer {
    std::size_t person;  // index into the persons
    double hours = 0;
};

struct IntroduktorLoad {
    std::string introduktor;  // the id named as people["introduktor"]; "" for newcomers without one
    double hours = 0;         // owed across the newcomers in the period
    std::vector<IntroduktorNewcomer> newcomers;  // by person id
};

// Hours each introduktör owes across their newcomers in [period.from,
// period.until), by yrkesresan::introduktor_hours_owed; only newcomers who
// are owed time appear. Sorted by introduktör id; the newcomers without a
// named introduktör come first, under "". Throws Error(unknown_reference) if
// the program has no introduktör component.
std::vector<IntroduktorLoad> introduktor_load(const Program& program, const std::vector<PersonRecord>& persons,
                                              Period period);

// ---------------------------------------------------------------------------
// Groups for an annual activity (R7)
// ---------------------------------------------------------------------------

// What a coordinator asks for: the groups of one annual activity in one
// calendar year. The group size is the program's (the component's group.min
// and group.max); a program may leave it to the coordinator (Uppsala's
// yrkeshandledning and workshops: "Grupperna mixas om möjligt över
// kommungränserna", no size), and then the request gives it.
struct AnnualGroupRequest {
    std::string component;             // an annual activity of the program
    std::optional<int> year;           // the calendar year; coordinate(): none = the year the term starts in
    std::optional<int> min_size, max_size;  // given together; only where the program sets no size (or the same)
};

// Someone employed in the year who joins after its first day.
struct AnnualJoiner {
    std::size_t person;
    Date employment_start;
};

struct AnnualGroupPlan {
    std::string component;
    int year = 0;
    GroupSpec spec;                 // the sizes used, and the program's mix_municipalities
    bool size_from_request = false; // the program sets no size: the request's
    // Everyone employed in the year (employment_start on or before 31
    // December: the activity is for all employees, "samtliga medarbetare"),
    // by id.
    std::vector<std::size_t> candidates;
    // Those of them whose employment starts inside the year after 1 January:
    // they join during the year (a partial year, R7), by id.
    std::vector<AnnualJoiner> joining;
    // Indices into `candidates`. When not everyone can be placed, within one
    // municipality those employed longest in the year are placed first.
    GroupingResult grouping;
};

// The groups of one annual activity over a population. Throws Error with
// paths into the request entry: unknown_reference ("/component": no such
// component), invalid_value ("/component": not an annual activity;
// "/group": a size other than the one the program sets; "/group/max": max
// below min), missing_field ("/year" when none is given; "/group" when
// neither the program nor the request gives a size), duplicate_id
// ("/persons/<i>/id").
AnnualGroupPlan plan_annual_groups(const Program& program, const std::vector<PersonRecord>& persons,
                                   const AnnualGroupRequest& request);

// ---------------------------------------------------------------------------
// The coordinator's report
// ---------------------------------------------------------------------------

// A mentor offering time, as the coordinator records it.
struct MentorVolunteer {
    std::string id;
    std::string municipality;
    Date profession_start;
    int prior_experience_months = 0;
    int capacity = 1;
};

struct CoordinationRequest {
    Date as_of;
    Period term;  // [from, until): the term being planned
    std::vector<PersonRecord> persons;
    std::vector<MentorVolunteer> mentors;
    std::vector<AnnualGroupRequest> annual_groups;  // annual activities to form groups for (R7)
    Language language = Language::sv;
    unsigned threads = 0;  // evaluation threads; 0: one per hardware thread

    // data/schema/coordination-request.schema.json; throws Error listing
    // every problem with its JSON Pointer ("/persons/3/employment_start").
    static CoordinationRequest from_json(std::string_view json);
};

// Someone who should start a windowed component (the course) this term.
struct StartEntry {
    std::size_t person;
    std::string component;
    Eligibility eligibility = Eligibility::eligible;  // eligible, or not_yet with the window opening in the term
    Period window;
    bool closes_in_term = false;      // the window ends by the term's last day: start this term or miss it
    bool closes_before_term = false;  // it ends even before the term starts: start now
};

struct WindowPassedEntry {
    std::size_t person;
    std::string component;
    Period window;
};

struct CertificateDueEntry {
    std::size_t person;
    std::string component;
    Date completed_on;
    std::string certificate_id;
};

struct SupervisionPlan {
    std::string component;
    GroupSpec spec;
    std::vector<std::size_t> candidates;  // persons due to start, by id
    GroupingResult grouping;              // indices into `candidates`
};

struct MentorPlan {
    std::string component;
    MatchingRules rules;
    std::vector<std::size_t> adepts;  // persons in (or entering) the mentor window without a mentor, by id
    std::vector<int> adept_months;    // their experience on as_of
    std::vector<int> mentor_months;   // per request mentor, experience on as_of
    MatchingResult matching;          // adept indices into `adepts`, mentor indices into the request's mentors
};

struct CoordinationReport {
    std::string program, program_version;
    Date as_of;
    Period term;
    Language language = Language::sv;
    std::vector<std::string> person_ids, person_municipalities;    // per request person
    std::vector<std::string> mentor_ids, mentor_municipalities;    // per request mentor
    std::vector<StartEntry> course_starts;          // by window end, then id
    std::vector<WindowPassedEntry> windows_passed;  // by component, window end, id
    std::vector<SupervisionPlan> supervision;       // one per supervision component
    std::vector<MentorPlan> mentoring;              // one per mentor component
    std::vector<AnnualGroupPlan> annual_groups;     // one per request entry, in request order
    std::vector<CertificateDueEntry> certificates_due;
    bool has_introduktor = false;
    std::vector<IntroduktorLoad> introduktor_hours;  // over the term

    // data/schema/coordination.schema.json.
    std::string to_json() const;
};

// Evaluates every person on as_of (yrkesresan::evaluate, the single source
// of the rules) and plans the term. Throws Error for an invalid request or
// record, with paths "/persons/<i>/...", "/mentors/<i>/..." and
// "/annual_groups/<i>/..." (see plan_annual_groups; the same activity and
// year asked twice is duplicate_id at "/annual_groups/<i>/component").
CoordinationReport coordinate(const Program& program, const CoordinationRequest& request);

YRKESRESAN_END_NAMESPACE
