// R8 certificates: issue_certificate and the Certificate document.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "date_caster.hpp"
#include "person_input.hpp"
#include "yrkesresan/certificate.hpp"

namespace yr_python {

using namespace yrkesresan;

void register_certificate(py::module_& m) {
    py::class_<CertificatePart>(m, "CertificatePart", "One module (with its homework) or session of a certificate.")
        .def_readonly("id", &CertificatePart::id)
        .def_readonly("label", &CertificatePart::label)
        .def_readonly("date", &CertificatePart::date)
        .def_readonly("homework_submitted", &CertificatePart::homework_submitted)
        .def_readonly("round", &CertificatePart::round)
        .def("__repr__", [](const CertificatePart& p) { return "<CertificatePart " + p.id + " " + p.date.to_string() + ">"; });

    py::class_<Certificate>(m, "Certificate", "A certificate (intyg); the same facts always give the same id.")
        .def_readonly("id", &Certificate::id)
        .def_readonly("person", &Certificate::person)
        .def_readonly("program", &Certificate::program)
        .def_readonly("program_version", &Certificate::program_version)
        .def_readonly("program_title", &Certificate::program_title)
        .def_readonly("component", &Certificate::component)
        .def_readonly("component_label", &Certificate::component_label)
        .def_readonly("completed_on", &Certificate::completed_on)
        .def_readonly("parts", &Certificate::parts)
        .def_readonly("hours", &Certificate::hours)
        .def_readonly("issuer", &Certificate::issuer)
        .def_readonly("language", &Certificate::language)
        .def_readonly("source", &Certificate::source)
        .def("content_json", &Certificate::content_json, "The canonical content JSON the id names.")
        .def("to_json", &Certificate::to_json, "The certificate document as JSON text.")
        .def(
            "to_dict", [](const Certificate& c) { return py::module_::import("json").attr("loads")(c.to_json()); },
            "The certificate document as Python data.")
        .def("__repr__", [](const Certificate& c) {
            return "<Certificate " + c.component + " for " + c.person + ", completed " + c.completed_on.to_string() +
                   ": " + c.id + ">";
        });

    m.def(
        "issue_certificate",
        [](const Program& program, py::handle person, Date as_of, const std::string& component,
           const std::string& issuer) {
            const PersonRecord record = person_record(person);  // a dict, or JSON text (person_input.hpp)
            py::gil_scoped_release release;
            return issue_certificate(program, record, as_of, component, {issuer});
        },
        py::arg("program"), py::arg("person"), py::arg("as_of"), py::arg("component"), py::arg("issuer") = "");
}

}  // namespace yr_python
