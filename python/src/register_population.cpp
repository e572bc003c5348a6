// Population evaluation over NumPy columns: one call, the GIL released while
// the C++ core (src/population/population.cpp) evaluates on every core; results come
// back as NumPy arrays that own the C++ buffers (no copy).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "arrow_text.hpp"
#include "date_caster.hpp"
#include "object_columns.hpp"
#include "population_options.hpp"
#include "yrkesresan/population.hpp"

namespace yr_python {

using namespace yrkesresan;

namespace {

using IntArray = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;

// Reads the tables dict built by yrkesresan._population; keeps every array
// alive (in `keep`) until the call returns.
class TableReader {
public:
    explicit TableReader(py::dict tables) : tables_(std::move(tables)) {}

    ColumnView<std::int32_t> ints(const char* key) {
        if (!tables_.contains(key)) return {};
        return view(tables_[key]);
    }
    StringColumn strings(const char* key) {
        if (!tables_.contains(key)) return {};
        return strings(tables_[key]);
    }
    StringColumn strings(py::handle pair) {
        auto t = pair.cast<py::tuple>();
        StringColumn c;
        c.codes = view(t[0]);
        c.labels = t[1].cast<std::vector<std::string>>();
        return c;
    }

private:
    ColumnView<std::int32_t> view(py::handle obj) {
        IntArray a = IntArray::ensure(obj);
        if (!a || a.ndim() != 1) throw py::type_error("population columns are one-dimensional integer arrays");
        keep_.push_back(a);
        return {a.data(), static_cast<std::size_t>(a.size())};
    }
    py::dict tables_;
    std::vector<py::object> keep_;
};

std::string_view kind_name(OutputColumn::Kind k) {
    switch (k) {
        case OutputColumn::Kind::integer: return "integer";
        case OutputColumn::Kind::day: return "day";
        case OutputColumn::Kind::boolean: return "boolean";
        case OutputColumn::Kind::category: return "category";
    }
    return "";
}

py::list to_python(std::vector<OutputColumn>& columns) {
    py::list out;
    for (auto& c : columns) {
        auto* values = new std::vector<std::int32_t>(std::move(c.values));
        py::capsule owner(values, [](void* p) { delete static_cast<std::vector<std::int32_t>*>(p); });
        py::array_t<std::int32_t> array({static_cast<py::ssize_t>(values->size())}, {sizeof(std::int32_t)},
                                        values->data(), owner);
        out.append(py::make_tuple(c.name, std::string(kind_name(c.kind)), c.categories, array));
    }
    return out;
}

}  // namespace

void register_population(py::module_& m) {
    m.attr("missing_value") = missing_value;
    m.attr("not_a_date") = not_a_date;
    m.def(
        "evaluate_population",
        [](const Program& program, py::dict tables, Date as_of, unsigned threads, bool keep_errors, bool decode_only) {
            TableReader r(tables);
            PopulationInput in;
            in.persons = tables["persons"].cast<std::size_t>();
            in.id = r.strings("id");
            in.municipality = r.strings("municipality");
            in.unit = r.strings("unit");
            in.employment_start = r.ints("employment_start");
            in.hired_on = r.ints("hired_on");
            in.profession_start = r.ints("profession_start");
            in.prior_experience_months = r.ints("prior_experience_months");
            if (tables.contains("people"))
                for (auto role : tables["people"].cast<py::list>()) {
                    auto t = role.cast<py::tuple>();
                    in.people.push_back({t[0].cast<std::string>(), r.strings(t[1])});
                }
            in.mentor_municipality = r.strings("mentor_municipality");
            in.mentor_profession_start = r.ints("mentor_profession_start");
            in.mentor_prior_experience_months = r.ints("mentor_prior_experience_months");
            in.events.person = r.ints("events.person");
            in.events.type = r.strings("events.type");
            in.events.ref = r.strings("events.ref");
            in.events.date = r.ints("events.date");
            in.events.round = r.strings("events.round");
            in.leaves.person = r.ints("leaves.person");
            in.leaves.from = r.ints("leaves.from");
            in.leaves.to = r.ints("leaves.to");
            in.leaves.kind = r.strings("leaves.kind");
            in.assignments.person = r.ints("assignments.person");
            in.assignments.item = r.strings("assignments.item");
            in.assignments.codes = r.strings("assignments.codes");
            in.planned.person = r.ints("planned.person");
            in.planned.item = r.strings("planned.item");
            in.planned.date = r.ints("planned.date");
            PopulationResult result;
            {
                py::gil_scoped_release release;
                result = evaluate_population(program, in, as_of, {threads, keep_errors, decode_only});
            }
            return py::make_tuple(to_python(result.persons), to_python(result.items));
        },
        py::arg("program"), py::arg("tables"), py::arg("as_of"), py::arg("threads") = 0, py::arg("keep_errors") = false,
        py::arg("decode_only") = false,
        "Evaluates a population given as columns; see yrkesresan.Program.evaluate_population.");
    m.def("encode_strings", &object_columns::encode_strings, py::arg("column"), py::arg("missing"),
          "(codes, labels) of an object column of str and missing cells (None, NaN or one of `missing`); "
          "None if any other cell is found.");
    m.def("encode_arrow_text", &arrow_text::encode, py::arg("chunks"),
          "(codes, labels) of an Arrow string or large_string column given as its chunks' buffers: "
          "(validity or None, offsets, data, offset, length) each.");
    m.def("parse_days", &object_columns::parse_days, py::arg("column"), py::arg("missing"),
          "Day numbers of an object column of YYYY-MM-DD text, datetime.date and missing cells "
          "(not_a_date where a cell is not a calendar date); None if any other cell is found.");
}

}  // namespace yr_python
