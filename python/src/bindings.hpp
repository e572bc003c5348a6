// Shared by the register_*.cpp files of yrkesresan._core.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>  // in every file: type casters must agree across translation units

#include "yrkesresan/error.hpp"

namespace yr_python {

namespace py = pybind11;

// The yrkesresan.errors exception for a library error (not raised).
py::object error_object(const yrkesresan::Error& e);

void register_errors(py::module_& m);
void register_vocabulary(py::module_& m);
void register_program(py::module_& m);
void register_evaluation(py::module_& m);
void register_population(py::module_& m);
void register_coordination(py::module_& m);
void register_certificate(py::module_& m);
void register_credential(py::module_& m);

}  // namespace yr_python
