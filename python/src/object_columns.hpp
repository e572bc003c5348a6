// Object columns (what read_csv gives: a Python str per cell) read in C++:
// strings dictionary-encoded and ISO dates parsed without a Python call per
// cell. Repeated values in such columns are mostly the same object (pandas'
// CSV reader shares them), so each cell is first looked up by its address and
// only then by its text. A column holding a value these readers do not know
// gives None, and the caller reads it the slower way it always has.
#pragma once

#include <datetime.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/population.hpp"

namespace yr_python::object_columns {

namespace py = pybind11;

// The cells pandas reads as missing: None, NaN and the sentinels the caller
// names (pd.NA, pd.NaT).
class Missing {
public:
    explicit Missing(const py::tuple& sentinels) {
        for (auto s : sentinels) sentinels_.push_back(s.ptr());
    }
    bool operator()(PyObject* o) const {
        if (o == Py_None) return true;
        if (PyFloat_Check(o)) return std::isnan(PyFloat_AS_DOUBLE(o));
        for (auto* s : sentinels_)
            if (o == s) return true;
        return false;
    }

private:
    std::vector<PyObject*> sentinels_;
};

// Open addressing on a power-of-two table; keys are compared by the caller.
inline std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

struct Text {
    const void* data;
    std::size_t bytes;
    int kind;  // PEP 393: the same text always has the same (narrowest) kind
    bool operator==(const Text& o) const {
        return kind == o.kind && bytes == o.bytes && std::memcmp(data, o.data, bytes) == 0;
    }
};

inline std::optional<Text> text_of(PyObject* o) {
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(o) != 0) {
        PyErr_Clear();
        return std::nullopt;
    }
#endif
    const int kind = PyUnicode_KIND(o);
    const auto length = static_cast<std::size_t>(PyUnicode_GET_LENGTH(o));
    return Text{PyUnicode_DATA(o), length * static_cast<std::size_t>(kind), kind};
}

inline std::uint64_t hash_of(const Text& t) {
    std::uint64_t h = 1469598103934665603ULL ^ static_cast<std::uint64_t>(t.kind);
    const auto* p = static_cast<const unsigned char*>(t.data);
    for (std::size_t i = 0; i < t.bytes; ++i) h = (h ^ p[i]) * 1099511628211ULL;
    return mix(h);
}

// Codes by object address, then by text.
class Encoder {
public:
    // The code of a str object met before, or -1.
    std::int32_t seen(PyObject* o) {
        if (o == last_) return last_code_;
        std::size_t i = mix(reinterpret_cast<std::uintptr_t>(o)) & (by_address_.size() - 1);
        for (; by_address_[i].first; i = (i + 1) & (by_address_.size() - 1))
            if (by_address_[i].first == o) return remember(o, by_address_[i].second);
        return -1;
    }
    // The code of a str cell; a new label is appended to `labels`.
    std::int32_t code(PyObject* o, py::list& labels) {
        if (o == last_) return last_code_;
        const std::uint64_t hp = mix(reinterpret_cast<std::uintptr_t>(o));
        std::size_t i = hp & (by_address_.size() - 1);
        for (; by_address_[i].first; i = (i + 1) & (by_address_.size() - 1))
            if (by_address_[i].first == o) return remember(o, by_address_[i].second);
        const auto text = text_of(o);
        if (!text) return -2;
        const std::uint64_t ht = hash_of(*text);
        std::size_t j = ht & (by_text_.size() - 1);
        std::int32_t c = -1;
        for (; by_text_[j] >= 0; j = (j + 1) & (by_text_.size() - 1))
            if (texts_[static_cast<std::size_t>(by_text_[j])] == *text) {
                c = by_text_[j];
                break;
            }
        if (c < 0) {
            c = static_cast<std::int32_t>(texts_.size());
            texts_.push_back(*text);
            labels.append(py::reinterpret_borrow<py::object>(o));
            by_text_[j] = c;
            if (texts_.size() * 2 > by_text_.size()) rehash_texts();
        }
        by_address_[i] = {o, c};
        if (++addresses_ * 2 > by_address_.size()) rehash_addresses();
        return remember(o, c);
    }

private:
    std::int32_t remember(PyObject* o, std::int32_t c) {
        last_ = o;
        last_code_ = c;
        return c;
    }
    void rehash_addresses() {
        std::vector<std::pair<PyObject*, std::int32_t>> old(by_address_.size() * 2, {nullptr, -1});
        old.swap(by_address_);
        for (const auto& e : old) {
            if (!e.first) continue;
            std::size_t i = mix(reinterpret_cast<std::uintptr_t>(e.first)) & (by_address_.size() - 1);
            while (by_address_[i].first) i = (i + 1) & (by_address_.size() - 1);
            by_address_[i] = e;
        }
    }
    void rehash_texts() {
        by_text_.assign(by_text_.size() * 2, -1);
        for (std::size_t c = 0; c < texts_.size(); ++c) {
            std::size_t j = hash_of(texts_[c]) & (by_text_.size() - 1);
            while (by_text_[j] >= 0) j = (j + 1) & (by_text_.size() - 1);
            by_text_[j] = static_cast<std::int32_t>(c);
        }
    }
    PyObject* last_ = nullptr;
    std::int32_t last_code_ = -1;
    std::vector<std::pair<PyObject*, std::int32_t>> by_address_ =
        std::vector<std::pair<PyObject*, std::int32_t>>(1024, {nullptr, -1});
    std::size_t addresses_ = 0;
    std::vector<std::int32_t> by_text_ = std::vector<std::int32_t>(1024, -1);
    std::vector<Text> texts_;
};

inline PyObject* const* cells_of(const py::array& column, std::size_t& n) {
    if (column.ndim() != 1 || column.dtype().kind() != 'O' || !(column.flags() & py::array::c_style))
        throw py::type_error("expected a one-dimensional contiguous object array");
    n = static_cast<std::size_t>(column.size());
    return static_cast<PyObject* const*>(column.data());
}

// (codes, labels) for a column of str and missing cells; None for any other cell.
inline py::object encode_strings(const py::array& column, const py::tuple& sentinels) {
    std::size_t n = 0;
    PyObject* const* cells = cells_of(column, n);
    const Missing missing(sentinels);
    py::array_t<std::int32_t> codes(static_cast<py::ssize_t>(n));
    auto* out = codes.mutable_data();
    py::list labels;
    Encoder encoder;
    for (std::size_t r = 0; r < n; ++r) {
        PyObject* o = cells[r];
        // A cell seen before is not read again: no access to the object itself.
        if (const std::int32_t seen = encoder.seen(o); seen >= 0) {
            out[r] = seen;
        } else if (PyUnicode_Check(o)) {
            out[r] = encoder.code(o, labels);
            if (out[r] == -2) return py::none();
        } else if (missing(o)) {
            out[r] = -1;
        } else {
            return py::none();
        }
    }
    return py::make_tuple(codes, labels);
}

// Days from the civil calendar (proleptic Gregorian) to 1970-01-01: years
// outside the library's 1900-9999 still get a day number, so that the core
// reports them as out of range rather than as not a date.
inline std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

inline bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// A day number for y-m-d, not_a_date when the calendar has no such day.
inline std::int32_t day_number(int y, int m, int d) {
    static const std::int32_t epoch = yrkesresan::Date::from_ymd(1970, 1, 1).day_number();
    static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days[m - 1] + (m == 2 && leap(y))) return yrkesresan::not_a_date;
    return static_cast<std::int32_t>(days_from_civil(y, m, d) + epoch);
}

// YYYY-MM-DD exactly, as the person record's dates.
inline std::int32_t parse_iso(PyObject* o) {
    if (!PyUnicode_IS_ASCII(o)) return yrkesresan::not_a_date;
    Py_ssize_t size = 0;
    const char* s = PyUnicode_AsUTF8AndSize(o, &size);  // ASCII: the string's own buffer
    if (!s || size != 10 || s[4] != '-' || s[7] != '-') return yrkesresan::not_a_date;
    int v[8];
    static constexpr int pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
        const char c = s[pos[i]];
        if (c < '0' || c > '9') return yrkesresan::not_a_date;
        v[i] = c - '0';
    }
    return day_number(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5], v[6] * 10 + v[7]);
}

inline std::int32_t day_of(PyObject* o, const Missing& missing, bool& unknown) {
    if (PyUnicode_Check(o)) return parse_iso(o);
    if (missing(o)) return yrkesresan::missing_value;
    if (PyDateTime_Check(o)) return yrkesresan::not_a_date;  // a time of day (pd.Timestamp too): not a date
    if (PyDate_Check(o)) return day_number(PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o), PyDateTime_GET_DAY(o));
    unknown = true;
    return yrkesresan::missing_value;
}

// Day numbers for a column of ISO text, datetime.date and missing cells
// (not_a_date where a cell is not a calendar date); None for any other cell.
inline py::object parse_days(const py::array& column, const py::tuple& sentinels) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    std::size_t n = 0;
    PyObject* const* cells = cells_of(column, n);
    const Missing missing(sentinels);
    py::array_t<std::int32_t> days(static_cast<py::ssize_t>(n));
    auto* out = days.mutable_data();
    // Days by object address, so that a cell seen before is not read again.
    std::vector<std::pair<PyObject*, std::int32_t>> by_address(1024, {nullptr, 0});
    std::size_t addresses = 0;
    bool unknown = false;
    for (std::size_t r = 0; r < n; ++r) {
        PyObject* o = cells[r];
        std::size_t i = mix(reinterpret_cast<std::uintptr_t>(o)) & (by_address.size() - 1);
        while (by_address[i].first && by_address[i].first != o) i = (i + 1) & (by_address.size() - 1);
        if (by_address[i].first) {
            out[r] = by_address[i].second;
            continue;
        }
        out[r] = day_of(o, missing, unknown);
        if (unknown) return py::none();
        by_address[i] = {o, out[r]};
        if (++addresses * 2 > by_address.size()) {
            std::vector<std::pair<PyObject*, std::int32_t>> old(by_address.size() * 2, {nullptr, 0});
            old.swap(by_address);
            for (const auto& e : old) {
                if (!e.first) continue;
                std::size_t j = mix(reinterpret_cast<std::uintptr_t>(e.first)) & (by_address.size() - 1);
                while (by_address[j].first) j = (j + 1) & (by_address.size() - 1);
                by_address[j] = e;
            }
        }
    }
    return std::move(days);
}

}  // namespace yr_python::object_columns
