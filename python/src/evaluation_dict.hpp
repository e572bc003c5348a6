// Evaluation.to_dict(): the evaluation document as Python objects.
#pragma once

#include <pybind11/pybind11.h>

#include "yrkesresan/evaluation.hpp"

namespace yr_python {

// Equal to json.loads(evaluation.to_json()), built without the text. Needs the GIL.
pybind11::object evaluation_dict(const yrkesresan::Evaluation& evaluation);

}  // namespace yr_python
