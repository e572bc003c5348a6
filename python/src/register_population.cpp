// Population evaluation over NumPy columns: one call, the GIL released while
// the C++ core (src/population/population.cpp) evaluates on every core; results come
// back as NumPy arrays in the dtypes the frames keep (see to_python).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <limits>
#include <optional>

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

    void release() { keep_.clear(); }

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

// An array that owns `values` (no copy).
template <class T>
py::array_t<T> owning(std::vector<T>&& v) {
    auto* values = new std::vector<T>(std::move(v));
    py::capsule owner(values, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>({static_cast<py::ssize_t>(values->size())}, {sizeof(T)}, values->data(), owner);
}

// `values` narrowed to T (every value fits), the int32 buffer freed at once.
template <class T>
py::array_t<T> narrowed(std::vector<std::int32_t>& values) {
    std::vector<T> out(values.begin(), values.end());
    std::vector<std::int32_t>().swap(values);
    return owning(std::move(out));
}

// Each column in the dtype pandas keeps, so that the frame is built without
// another copy: category codes in the narrowest integer their count allows
// (as pandas' own codes), booleans as int8 (-1: none), days as int64 seconds
// (NaT: the int64 minimum) for datetime64[s], integers as they are. Columns
// are converted one at a time, each int32 buffer freed before the next.
py::list to_python(std::vector<OutputColumn>& columns) {
    py::list out;
    for (auto& c : columns) {
        py::object array;
        switch (c.kind) {
            case OutputColumn::Kind::category:
                if (c.categories.size() < 128) array = narrowed<std::int8_t>(c.values);
                else if (c.categories.size() < 32768) array = narrowed<std::int16_t>(c.values);
                else array = owning(std::move(c.values));
                break;
            case OutputColumn::Kind::boolean:
                for (auto& v : c.values) v = v == missing_value ? -1 : v;
                array = narrowed<std::int8_t>(c.values);
                break;
            case OutputColumn::Kind::day: {
                static const std::int64_t epoch = Date::from_ymd(1970, 1, 1).day_number();
                std::vector<std::int64_t> seconds(c.values.size());
                for (std::size_t i = 0; i < seconds.size(); ++i)
                    seconds[i] = c.values[i] == missing_value ? std::numeric_limits<std::int64_t>::min()
                                                              : (c.values[i] - epoch) * 86'400;
                std::vector<std::int32_t>().swap(c.values);
                array = owning(std::move(seconds));
                break;
            }
            case OutputColumn::Kind::integer: array = owning(std::move(c.values)); break;
        }
        out.append(py::make_tuple(c.name, std::string(kind_name(c.kind)), c.categories, array));
    }
    columns.clear();
    return out;
}

}  // namespace

void register_population(py::module_& m) {
    m.attr("missing_value") = missing_value;
    m.attr("not_a_date") = not_a_date;
    m.def(
        "evaluate_population",
        [](const Program& program, py::dict tables, Date as_of, unsigned threads, bool keep_errors, bool decode_only,
           std::optional<std::vector<std::string>> outputs, bool items) {
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
                detail::PopulationRunOptions options;
                options.threads = threads;
                options.keep_errors = keep_errors;
                options.outputs = std::move(outputs);
                options.items = items;
                options.decode_only = decode_only;
                options.rows_per_person = true;  // the person column is built after the input is freed
                result = evaluate_population(program, in, as_of, options);
            }
            // The input's columns are the caller's scratch (yrkesresan._population): freed
            // before the output is converted, so the two are never held at once.
            in = PopulationInput{};
            r.release();
            tables.clear();
            return py::make_tuple(to_python(result.persons), to_python(result.items));
        },
        py::arg("program"), py::arg("tables"), py::arg("as_of"), py::arg("threads") = 0, py::arg("keep_errors") = false,
        py::arg("decode_only") = false, py::arg("outputs") = py::none(), py::arg("items") = true,
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
