// The public evaluate_population: a population run with the public options
// only (src/population/population_options.hpp has the rest).
#include "population_options.hpp"

YRKESRESAN_BEGIN_NAMESPACE

PopulationResult evaluate_population(const Program& program, const PopulationInput& input, Date as_of,
                                     const PopulationOptions& options) {
    detail::PopulationRunOptions run;
    static_cast<PopulationOptions&>(run) = options;
    return evaluate_population(program, input, as_of, run);
}

YRKESRESAN_END_NAMESPACE
