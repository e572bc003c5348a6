// R4-R8 on decoded facts: the course and its modules, group supervision,
// mentor, introduktör, annual activities and certificates.
#pragma once

#include "assessment.hpp"
#include "yrkesresan/experience.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

void assess_components(const ProgramData& program, const PersonFacts& facts, Date as_of, const Clock& experience,
                       const Clock& employment, Assessment& out);

// A window counted in months on one of the person's clocks.
Period window_period(const Window& w, const Clock& experience, const Clock& employment);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
