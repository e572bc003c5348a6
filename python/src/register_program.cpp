// Program: built-in, from JSON, overlays, the compiled tables, pickling, and
// evaluate() for one person record.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "convert.hpp"
#include "date_caster.hpp"
#include "evaluate.hpp"
#include "yrkesresan/check.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/program.hpp"
#include "yrkesresan/rule_book.hpp"

namespace yr_python {

using namespace yrkesresan;

void register_program(py::module_& m) {
    py::class_<SourceRef>(m, "SourceRef", "Where a rule comes from: a seed document and its pages.")
        .def_readonly("seed", &SourceRef::seed)
        .def_readonly("pages", &SourceRef::pages)
        .def_readonly("quote", &SourceRef::quote)
        .def_readonly("assumption", &SourceRef::assumption)
        .def_readonly("interpretation", &SourceRef::interpretation)
        .def("__repr__", [](const SourceRef& s) { return "<SourceRef seed " + s.seed + ", pages " + s.pages + ">"; });

    py::class_<Phase>(m, "Phase", "A career phase: experience in months, [from_months, to_months).")
        .def_readonly("id", &Phase::id)
        .def_readonly("label", &Phase::label)
        .def_readonly("from_months", &Phase::from_months)
        .def_readonly("to_months", &Phase::to_months)
        .def_readonly("source", &Phase::source)
        .def("__repr__", [](const Phase& p) {
            return "<Phase " + p.id + " [" + std::to_string(p.from_months) + ", " +
                   (p.to_months ? std::to_string(*p.to_months) : std::string("inf")) + ") months>";
        });

    py::class_<ProgramChange>(m, "ProgramChange", "One entry of a program's changelog.")
        .def_readonly("version", &ProgramChange::version)
        .def_readonly("date", &ProgramChange::date)
        .def_readonly("summary", &ProgramChange::summary)
        .def_readonly("sources", &ProgramChange::sources)
        .def("__repr__", [](const ProgramChange& c) { return "<ProgramChange " + c.version + " " + c.date.to_string() + ">"; });

    py::class_<Program>(m, "Program", "A loaded, validated, immutable program definition.")
        .def_static("builtin", &Program::builtin, py::arg("id"))
        .def_static("builtin_ids", &Program::builtin_ids)
        .def_static("from_json", &Program::from_json, py::arg("definition"))
        .def("with_overlays", &Program::with_overlays, py::arg("overlays"))
        .def_property_readonly("id", &Program::id)
        .def_property_readonly("version", &Program::version)
        .def_property_readonly("title", &Program::title)
        .def_property_readonly("valid_from", &Program::valid_from)
        .def_property_readonly("layers", &Program::layers)
        .def_property_readonly("changes", &Program::changes)
        .def_property_readonly("phases", &Program::phases)
        .def_property_readonly("checklist_ids",
                               [](const Program& p) {
                                   std::vector<std::string> ids;
                                   for (const auto& c : p.checklists()) ids.push_back(c.id);
                                   return ids;
                               })
        .def_property_readonly("items",
                               [](const Program& p) {
                                   // (id, checklist, section, label, default codes) per item, in display order.
                                   py::list out;
                                   for (const auto& it : p.items())
                                       out.append(py::make_tuple(it.id, p.checklists()[it.checklist].id,
                                                                 p.sections()[it.section].id, it.label,
                                                                 codes(it.responsible)));
                                   return out;
                               })
        .def("phase_at", &Program::phase_at, py::arg("months"))
        .def("to_json", &Program::to_json)
        .def(
            "rule_book",
            [](const Program& program, const std::string& format) {
                RuleBookFormat f = RuleBookFormat::markdown;
                if (format == "html") f = RuleBookFormat::html;
                else if (format != "markdown") throw Error(ErrorCode::invalid_value, "", "format is markdown or html");
                py::gil_scoped_release release;
                return rule_book(program, f);
            },
            py::arg("format") = "markdown")
        .def(
            "evaluate",
            [](const Program& program, py::handle person, Date as_of, const std::string& language) {
                return evaluate_one(program, person, as_of, parse_language(language));
            },
            py::arg("person"), py::arg("as_of"), py::arg("language") = "sv",
            "One person record: a dict (or any Mapping) or JSON text (str or bytes).")
        .def(
            "evaluate_many",
            [](const Program& program, py::iterable records, Date as_of, const std::string& language, bool keep_errors,
               bool as_dicts, unsigned threads) {
                return evaluate_many(program, records, as_of, parse_language(language), keep_errors, as_dicts,
                                     threads);
            },
            py::arg("records"), py::arg("as_of"), py::arg("language") = "sv", py::arg("keep_errors") = false,
            py::arg("as_dicts") = false, py::arg("threads") = 0,
            "Every record, in order, evaluated on every core (threads=0) with the GIL released; see "
            "yrkesresan.Program.evaluate_many.")
        .def(py::pickle([](const Program& p) { return p.to_json(); },
                        [](const std::string& definition) { return Program::from_json(definition); }));

    m.def(
        "check_date", [](int year, int month, int day) { Date::from_ymd(year, month, day); },
        py::arg("year"), py::arg("month"), py::arg("day"),
        "Raises InputError(invalid_date) for a date outside the calendar the library accepts.");
    m.attr("unix_epoch_day_number") = Date::from_ymd(1970, 1, 1).day_number();
    m.def(
        "check_program",
        [](const std::string& definition, const std::vector<std::string>& overlays) {
            CheckReport report;
            {
                py::gil_scoped_release release;
                report = check_program(definition, overlays);
            }
            py::list findings;
            for (const auto& f : report.findings)
                findings.append(py::make_tuple(std::string(to_string(f.severity)), f.code, f.document, f.path, f.line,
                                               f.column, f.message));
            return findings;
        },
        py::arg("definition"), py::arg("overlays"),
        "Checks a program and its overlays (yrkesresan/check.hpp): a list of (severity, code, document, path, "
        "line, column, message).");
}

}  // namespace yr_python
