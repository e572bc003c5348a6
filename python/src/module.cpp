// yrkesresan._core: the private compiled part of the Python package. The
// public API is the pure-Python package around it (python/yrkesresan).
#include "bindings.hpp"
#include "yrkesresan/version.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "Private bindings of the yrkesresan C++ library; use the yrkesresan package.";
    m.attr("__version__") = yrkesresan::version_string;
    yr_python::register_errors(m);
    yr_python::register_vocabulary(m);
    yr_python::register_program(m);
    yr_python::register_evaluation(m);
    yr_python::register_population(m);
    yr_python::register_coordination(m);
    yr_python::register_certificate(m);
    yr_python::register_credential(m);
}
