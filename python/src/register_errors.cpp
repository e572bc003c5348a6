// yrkesresan::Error -> the Python exception hierarchy of yrkesresan.errors,
// chosen by the error's stable code and carrying code, path and problems.
#include "bindings.hpp"
#include "yrkesresan/error.hpp"

namespace yr_python {

py::object error_object(const yrkesresan::Error& e) {
    py::list problems;
    for (const auto& pr : e.problems())
        problems.append(py::make_tuple(std::string(yrkesresan::to_string(pr.code)), pr.path, pr.message));
    const auto summary = py::make_tuple(std::string(yrkesresan::to_string(e.code())), e.path(), e.message());
    return py::module_::import("yrkesresan.errors").attr("_from_core")(problems, e.what(), summary);
}

void register_errors(py::module_& m) {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const yrkesresan::Error& e) {
            py::object exc = error_object(e);
            PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
        }
    });
    m.def("error_codes", [] {
        std::vector<std::string> codes;
        // Codes are numbered densely from 0; to_string names an unknown one "unknown".
        for (int c = 0;; ++c) {
            const auto name = yrkesresan::to_string(static_cast<yrkesresan::ErrorCode>(c));
            if (name == "unknown" || name.empty()) break;
            codes.emplace_back(name);
        }
        return codes;
    }, "The stable codes of every error the library raises.");
    m.def("error_classes", [] {
        py::dict classes;
        for (int c = 0;; ++c) {
            const auto code = static_cast<yrkesresan::ErrorCode>(c);
            const auto name = yrkesresan::to_string(code);
            if (name == "unknown" || name.empty()) break;
            classes[py::str(std::string(name))] = std::string(yrkesresan::to_string(yrkesresan::error_class(code)));
        }
        return classes;
    }, "Each error code's class (parse, limit, format, reference, rules, conflict, not_found, not_met): the table the C ABI's return codes follow too.");
}

}  // namespace yr_python
