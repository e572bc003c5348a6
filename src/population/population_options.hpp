// Options of a population run that are not the public API's: the
// benchmarks' floor (benchmarks/run.py, through the Python bindings).
#pragma once

#include "yrkesresan/population.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct PopulationRunOptions : PopulationOptions {
    // Reads and checks every input column and writes every output column,
    // applying no rule (items pending, no due dates, zero counts): the cost
    // of the columns alone. Not an evaluation.
    bool decode_only = false;
    // The items table without its person column (a row per person x item):
    // in its place a column "rows", per person the number of item rows, so
    // that the bindings build the person column after the input is freed.
    bool rows_per_person = false;
};

}  // namespace detail

// evaluate_population with the options above (src/population/population.cpp); the
// public overload runs it with decode_only false.
PopulationResult evaluate_population(const Program& program, const PopulationInput& input, Date as_of,
                                     const detail::PopulationRunOptions& options);

YRKESRESAN_END_NAMESPACE
