// R4-R8 on one person and one date: the course and its modules, group
// supervision, mentor, introduktör, annual activities and certificates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "json_input.hpp"
#include "program_data.hpp"
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/experience.hpp"

namespace yrkesresan::detail {

// The person's events about components, decoded against the program.
struct ComponentFacts {
    std::vector<std::optional<Date>> attended;  // per module: the first attendance
    std::vector<std::string> round;             // per module: the round of that attendance
    std::vector<std::optional<Date>> homework;  // per module: the first submission
    std::vector<std::vector<Date>> sessions;    // per component: distinct session dates, sorted
    std::vector<std::optional<Date>> issued;    // per component: certificate issued on
};

// Validates references (errors with JSON Pointers go to diag) and reports
// recorded facts that contradict the rules as warnings.
ComponentFacts collect_component_facts(const ProgramData& program, const PersonRecord& person, Date as_of,
                                       Language lang, Diagnostics& diag, std::vector<Finding>& warnings);

// What a component's certificate needs and what the person has.
struct CertificateFacts {
    bool met = false;
    std::vector<Finding> missing;
    std::optional<Date> completed_on;
    std::vector<CertificatePart> parts;
    double hours = 0;
};
CertificateFacts certificate_facts(const ProgramData& program, std::uint32_t component, const ComponentFacts& facts,
                                   Date as_of, Language lang);
std::string certificate_id(const ProgramData& program, const PersonRecord& person, std::uint32_t component,
                           const CertificateFacts& facts);

double introduktor_hours_owed(const Component& component, const Clock& employment, Date from, Date until);

void evaluate_components(const ProgramData& program, const PersonRecord& person, Date as_of,
                         const Clock& experience, const Clock& employment, const ComponentFacts& facts,
                         Evaluation& ev);

}  // namespace yrkesresan::detail
