// A person record from Python data, read in C++ without JSON text.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "yrkesresan/person.hpp"

namespace yr_python {

// A dict (or any Mapping) holding a person record (docs/contract.md), dates
// as datetime.date or ISO text; or the record as JSON text (str or bytes).
// Refused as the JSON text of the same record is, with the same code and
// JSON Pointer: the fields by the library's readers, the limits of
// docs/limits.md with a dict measured as its compact JSON text. A value JSON
// has no type for (a datetime.datetime, a set) is refused where it stands,
// as a value of the wrong JSON type would be. Needs the GIL.
yrkesresan::PersonRecord person_record(pybind11::handle record);

// Whether `record` is JSON text (str or bytes) rather than Python data, and
// the text (a str that is not valid Unicode is a parse_error).
bool is_json_text(pybind11::handle record);
std::string json_text(pybind11::handle record);

}  // namespace yr_python
