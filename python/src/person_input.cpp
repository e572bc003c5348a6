// A person record from Python data, two ways, as from JSON text
// (src/person/person_read.hpp): the common case, a valid record in plain dicts,
// lists and strs, read straight into the record by the fast reader's fields
// (src/person/person_fields.hpp); anything else goes through the library's DOM
// builder (src/json/json_dom.hpp, the limits and their paths) and strict reader
// (parse_person), which name the problem. No rule of the record is written
// here: only how Python values map onto JSON's.
#include "person_input.hpp"

#include <datetime.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "json_dom.hpp"
#include "person_fields.hpp"
#include "person_read.hpp"
#include "yrkesresan/error.hpp"

namespace yr_python {

namespace py = pybind11;
using namespace yrkesresan;
using detail::person_limits;
using detail::fast_person::GiveUp;

namespace {

void import_datetime() {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
}

// The bytes a string takes in compact JSON text, quotes and escapes included
// (the JSON writer's escapes: \" \\ \b \f \n \r \t, \u00XX for the rest below 0x20).
std::size_t json_text_size(std::string_view s) {
    std::size_t n = s.size() + 2;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') n += 1;
        else if (u < 0x20) n += 5;
    }
    return n;
}

std::size_t digits(long long v) {
    std::size_t n = v < 0 ? 2 : 1;
    for (unsigned long long u = v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
         u >= 10; u /= 10)
        ++n;
    return n;
}

// A str's UTF-8 (kept by the str itself); nullopt for one that is not valid
// Unicode (a lone surrogate).
std::optional<std::string_view> utf8(PyObject* s) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(s, &size);
    if (!data) {
        PyErr_Clear();
        return std::nullopt;
    }
    return std::string_view(data, static_cast<std::size_t>(size));
}

constexpr std::size_t iso_date_size = 12;  // "YYYY-MM-DD" with its quotes

// The source of person_fields.hpp over plain Python data: dicts, lists and
// tuples, strs, ints, datetime.date. Nothing here runs Python code, so the
// containers cannot change while they are read.
class DictReader {
public:
    explicit DictReader(PyObject* root) : next_(root) {}

    template <class Member>
    void object(Member&& member) {
        PyObject* obj = take();
        if (!PyDict_CheckExact(obj)) throw GiveUp{};
        const Py_ssize_t n = PyDict_GET_SIZE(obj);
        container(static_cast<std::size_t>(n));
        Py_ssize_t pos = 0;
        PyObject *key = nullptr, *value = nullptr;
        while (PyDict_Next(obj, &pos, &key, &value)) {
            if (!PyUnicode_CheckExact(key)) throw GiveUp{};
            const std::string_view k = text(key);
            size_ += 1;  // the colon
            next_ = value;
            member(k);
        }
        --depth_;
    }
    template <class Item>
    void array(Item&& item) {
        PyObject* obj = take();
        const bool list = PyList_CheckExact(obj);
        if (!list && !PyTuple_CheckExact(obj)) throw GiveUp{};
        const Py_ssize_t n = list ? PyList_GET_SIZE(obj) : PyTuple_GET_SIZE(obj);
        container(static_cast<std::size_t>(n));
        for (Py_ssize_t i = 0; i < n; ++i) {
            next_ = list ? PyList_GET_ITEM(obj, i) : PyTuple_GET_ITEM(obj, i);
            item();
        }
        --depth_;
    }
    std::string_view string_view() {
        PyObject* obj = take();
        if (!PyUnicode_CheckExact(obj)) throw GiveUp{};
        return text(obj);
    }
    std::string string() { return std::string(string_view()); }
    std::string id() {
        std::string s = string();
        if (s.empty()) throw GiveUp{};
        return s;
    }
    Date date() {
        PyObject* obj = take();
        if (PyUnicode_CheckExact(obj)) {
            const auto d = Date::parse(text(obj));
            if (!d) throw GiveUp{};
            return *d;
        }
        // Exactly a date: a datetime (a subclass) has a time, and is refused.
        if (!PyDate_CheckExact(obj)) throw GiveUp{};
        size_ += iso_date_size;
        try {
            return Date::from_ymd(PyDateTime_GET_YEAR(obj), PyDateTime_GET_MONTH(obj), PyDateTime_GET_DAY(obj));
        } catch (const Error&) {
            throw GiveUp{};
        }
    }
    int integer(int max) {
        PyObject* obj = take();
        if (!PyLong_CheckExact(obj)) throw GiveUp{};  // bool is a subclass: refused
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (overflow || v < 0 || v > max) throw GiveUp{};
        size_ += digits(v);
        return static_cast<int>(v);
    }

    // Everything read, within the document size the text would be held to:
    // counted without the strings' escapes, which can make a string at most
    // six times its size (\u0001); a record that could be near the limit is
    // measured exactly by the strict path.
    void finish() const {
        if (next_ || size_ > person_limits.max_bytes / 6) throw GiveUp{};
    }

private:
    PyObject* take() {
        if (!next_ || ++values_ > person_limits.max_values) throw GiveUp{};
        PyObject* v = next_;
        next_ = nullptr;
        return v;
    }
    void container(std::size_t n) {
        if (n > person_limits.max_items || ++depth_ > person_limits.max_depth) throw GiveUp{};
        size_ += 2 + (n ? n - 1 : 0);  // brackets and commas
    }
    std::string_view text(PyObject* s) {
        const auto t = utf8(s);
        if (!t || t->size() > person_limits.max_string_bytes) throw GiveUp{};
        size_ += t->size() + 2;
        return *t;
    }

    PyObject* next_;
    std::size_t depth_ = 0, values_ = 0, size_ = 0;
};

bool is_mapping(PyObject* obj) {
    static PyObject* mapping = [] {
        return py::object(py::module_::import("collections.abc").attr("Mapping")).release().ptr();
    }();
    const int r = PyObject_IsInstance(obj, mapping);
    if (r < 0) throw py::error_already_set();
    return r == 1;
}

// Any Python data into the library's DOM builder, value by value, in the
// order JSON text of it would have them (json.dumps's).
class Walker {
public:
    explicit Walker(detail::DomBuilder& builder) : b_(builder) {}

    void value(PyObject* obj) {
        if (obj == Py_None) {
            add(4);
            b_.null();
        } else if (PyBool_Check(obj)) {
            add(obj == Py_True ? 4 : 5);
            b_.boolean(obj == Py_True);
        } else if (PyLong_Check(obj)) {
            integer(obj);
        } else if (PyFloat_Check(obj)) {
            const double d = PyFloat_AS_DOUBLE(obj);
            if (!std::isfinite(d)) b_.number_out_of_range();
            char buf[32];
            add(static_cast<std::size_t>(std::snprintf(buf, sizeof buf, "%.17g", d)));
            b_.number_float(d, ".");  // never an integer literal
        } else if (PyUnicode_Check(obj)) {
            std::string s(string(obj));
            b_.string(s);
        } else if (PyDateTime_Check(obj)) {
            add(iso_date_size + 9);  // as ISO text with its time
            b_.foreign(detail::foreign_datetime);
        } else if (PyDate_Check(obj)) {
            // As its isoformat(): datetime.date's years are 1..9999.
            const int y = PyDateTime_GET_YEAR(obj), mo = PyDateTime_GET_MONTH(obj), d = PyDateTime_GET_DAY(obj);
            std::string s = {char('0' + y / 1000 % 10), char('0' + y / 100 % 10), char('0' + y / 10 % 10),
                             char('0' + y % 10),        '-',                      char('0' + mo / 10),
                             char('0' + mo % 10),       '-',                      char('0' + d / 10),
                             char('0' + d % 10)};
            add(iso_date_size);
            b_.string(s);
        } else if (PyList_Check(obj) || PyTuple_Check(obj)) {
            array(obj);
        } else if (PyDict_Check(obj) || is_mapping(obj)) {
            object(obj);
        } else {
            add(4);
            b_.foreign(detail::foreign_value);
        }
    }

private:
    void add(std::size_t bytes) {
        size_ += bytes;
        // Checked as the document grows: a dict has no text to measure first.
        if (size_ > person_limits.max_bytes)
            throw Error(ErrorCode::limit_exceeded, "",
                        "a document larger than " + std::to_string(person_limits.max_bytes) +
                            " bytes (as compact JSON text)");
    }
    std::string_view string(PyObject* s) {
        const auto t = utf8(s);
        if (!t) throw Error(ErrorCode::parse_error, "", "a string that is not valid Unicode (a lone surrogate)");
        add(json_text_size(*t));
        return *t;
    }
    void integer(PyObject* obj) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (overflow == 0) {
            add(digits(v));
            b_.number_integer(v);
            return;
        }
        if (overflow > 0) {
            const unsigned long long u = PyLong_AsUnsignedLongLong(obj);
            if (!PyErr_Occurred()) {
                add(20);
                b_.number_unsigned(u);
                return;
            }
            PyErr_Clear();
        }
        b_.integer_out_of_range();
    }
    void array(PyObject* obj) {
        b_.start_array(0);
        const bool list = PyList_Check(obj);
        add(2);
        for (Py_ssize_t i = 0;; ++i) {
            // A list is read by index, each item held, whatever it does meanwhile.
            const Py_ssize_t n = list ? PyList_GET_SIZE(obj) : PyTuple_GET_SIZE(obj);
            if (i >= n) break;
            if (i > 0) add(1);
            const py::object item =
                py::reinterpret_borrow<py::object>(list ? PyList_GET_ITEM(obj, i) : PyTuple_GET_ITEM(obj, i));
            value(item.ptr());
        }
        b_.end_array();
    }
    void object(PyObject* obj) {
        // Its members as a list of (key, value), held while they are read.
        const py::list items = PyDict_Check(obj) ? py::reinterpret_steal<py::list>(PyDict_Items(obj))
                                                 : py::reinterpret_steal<py::list>(PyMapping_Items(obj));
        if (!items) throw py::error_already_set();
        b_.start_object(0);
        add(2);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const py::object pair = items[i];
            if (!PyTuple_Check(pair.ptr()) || PyTuple_GET_SIZE(pair.ptr()) != 2)
                throw py::type_error("a Mapping's items() gives (key, value) pairs");
            PyObject* key = PyTuple_GET_ITEM(pair.ptr(), 0);
            if (!PyUnicode_Check(key))
                throw Error(ErrorCode::wrong_type, b_.container_path(), "an object key that is not a str");
            if (i > 0) add(1);
            std::string k(string(key));
            add(1);  // the colon
            b_.key(k);
            value(PyTuple_GET_ITEM(pair.ptr(), 1));
        }
        b_.end_object();
    }

    detail::DomBuilder& b_;
    std::size_t size_ = 0;
};

PersonRecord strict(PyObject* record) {
    detail::Document doc(nlohmann::json{});
    {
        detail::DomBuilder builder(doc.get(), {}, person_limits);
        Walker(builder).value(record);
    }
    return detail::parse_person(doc.get());
}

}  // namespace

bool is_json_text(py::handle record) { return PyUnicode_Check(record.ptr()) || PyBytes_Check(record.ptr()); }

std::string json_text(py::handle record) {
    if (PyBytes_Check(record.ptr())) return record.cast<std::string>();
    const auto text = utf8(record.ptr());
    if (!text) throw Error(ErrorCode::parse_error, "", "malformed JSON: a lone surrogate, which UTF-8 cannot hold");
    return std::string(*text);
}

PersonRecord person_record(py::handle record) {
    import_datetime();
    if (is_json_text(record)) return PersonRecord::from_json(json_text(record));
    try {
        DictReader in(record.ptr());
        PersonRecord p = detail::fast_person::record(in);
        in.finish();
        return p;
    } catch (const GiveUp&) {
        return strict(record.ptr());
    }
}

}  // namespace yr_python
