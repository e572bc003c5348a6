// Evaluating person records given as Python data or JSON text: one, or many
// at once on every core.
#pragma once

#include <pybind11/pybind11.h>

#include "yrkesresan/evaluation.hpp"

namespace yr_python {

// "sv" or "en"; anything else is InputError(invalid_value).
yrkesresan::Language parse_language(const std::string& language);

// One record (person_input.hpp), evaluated with the GIL released.
yrkesresan::Evaluation evaluate_one(const yrkesresan::Program& program, pybind11::handle record,
                                    yrkesresan::Date as_of, yrkesresan::Language language);

// Every record of `records`, in order: each read with the GIL held and
// evaluated on `threads` threads (0: every core) without it, while the
// finished ones become the results (Evaluation objects, or with `as_dicts`
// their documents, evaluation_dict.hpp). The same answers as evaluate_one
// record by record. A refused record's error has its paths under the record's
// index (/3/events/0/date): with `keep_errors` it takes the record's place in
// the list (the exception object, not raised), else the first refused
// record's error is raised.
pybind11::list evaluate_many(const yrkesresan::Program& program, pybind11::iterable records, yrkesresan::Date as_of,
                             yrkesresan::Language language, bool keep_errors, bool as_dicts, unsigned threads);

}  // namespace yr_python
