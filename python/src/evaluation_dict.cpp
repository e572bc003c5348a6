// Evaluation.to_dict(): the evaluation document built as Python objects in
// C++, by the library's own writer of the document (src/evaluation/evaluation_document.hpp)
// given a writer of Python objects instead of JSON text, so the dict is
// json.loads(to_json()) without the text.
#include "evaluation_dict.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "evaluation_document.hpp"
#include "yrkesresan/error.hpp"

namespace yr_python {

namespace py = pybind11;
using namespace yrkesresan;

namespace {

// Python strs for the strings that recur from document to document: keys,
// labels, ids, states, codes, quotes, dates. A str is immutable, so one object
// may sit in any number of documents. Bounded: emptied when half full, so the
// strings of one person (ids, messages with dates) cannot pile up. Flat
// tables: a lookup is one hash and, mostly, one probe.
class StrCache {
public:
    PyObject* get(std::string_view s) {
        if (s.size() > max_cached_bytes) return decode(s);
        const std::uint64_t h = hash(s);
        std::size_t i = h & (strings_.size() - 1);
        for (;; i = (i + 1) & (strings_.size() - 1)) {
            Slot& slot = strings_[i];
            if (!slot.str) break;
            if (slot.hash == h && slot.text == s) return new_ref(slot.str);
        }
        PyObject* obj = decode(s);
        if (count_ >= strings_.size() / 2) {
            clear();
            i = h & (strings_.size() - 1);
        }
        // The slot's text is the str's own UTF-8, which lives as long as the str.
        Py_ssize_t size = 0;
        const char* utf8 = PyUnicode_AsUTF8AndSize(obj, &size);
        if (!utf8) {
            Py_DECREF(obj);
            throw py::error_already_set();
        }
        strings_[i] = Slot{h, std::string_view(utf8, static_cast<std::size_t>(size)), new_ref(obj)};
        ++count_;
        return obj;
    }
    // Keys are the document writer's literals: found by their address,
    // checked by their content, interned.
    PyObject* key(std::string_view k) {
        KeySlot& slot = keys_[(reinterpret_cast<std::uintptr_t>(k.data()) >> 3) & (keys_.size() - 1)];
        if (slot.str && slot.address == k.data() && slot.text == k) return new_ref(slot.str);
        PyObject* obj = decode(k);
        PyUnicode_InternInPlace(&obj);
        Py_XDECREF(slot.str);
        slot = KeySlot{k.data(), std::string_view(PyUnicode_AsUTF8(obj), k.size()), new_ref(obj)};
        return obj;
    }
    PyObject* date(Date d) {
        DateSlot& slot = dates_[static_cast<std::uint32_t>(d.day_number()) & (dates_.size() - 1)];
        if (slot.str && slot.day == d.day_number()) return new_ref(slot.str);
        PyObject* obj = decode(d.to_string());
        Py_XDECREF(slot.str);
        slot = DateSlot{d.day_number(), new_ref(obj)};
        return obj;
    }

    static StrCache& instance() {
        static StrCache* cache = new StrCache();  // never destroyed: Python may be gone by then
        return *cache;
    }

private:
    StrCache() : strings_(16384), keys_(512), dates_(4096) {}
    static constexpr std::size_t max_cached_bytes = 4096;

    struct Slot {
        std::uint64_t hash = 0;
        std::string_view text;
        PyObject* str = nullptr;
    };
    struct KeySlot {
        const char* address = nullptr;
        std::string_view text;  // the str's own UTF-8
        PyObject* str = nullptr;
    };
    struct DateSlot {
        std::int32_t day = 0;
        PyObject* str = nullptr;
    };

    static PyObject* new_ref(PyObject* o) {
        Py_INCREF(o);
        return o;
    }
    // A multiply-xorshift hash, eight bytes at a time.
    static std::uint64_t hash(std::string_view s) {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        const char* p = s.data();
        std::size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t x;
            std::memcpy(&x, p, 8);
            h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 29;
        }
        std::uint64_t x = 0;
        std::memcpy(&x, p, n);
        h = (h ^ x) * 0x94D049BB133111EBull;
        return h ^ (h >> 31);
    }
    static PyObject* decode(std::string_view s) {
        PyObject* obj = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "strict");
        if (!obj) {
            // The document holds validated input and the program's own text;
            // as in to_json(), never a string that is not UTF-8.
            PyErr_Clear();
            throw Error(ErrorCode::invalid_value, "", "a string that is not valid UTF-8 has no canonical form");
        }
        return obj;
    }
    void clear() {
        for (Slot& slot : strings_) {
            Py_XDECREF(slot.str);
            slot = Slot{};
        }
        count_ = 0;
    }

    std::vector<Slot> strings_;
    std::size_t count_ = 0;
    std::vector<KeySlot> keys_;
    std::vector<DateSlot> dates_;
};

// The calls of detail::JsonWriter, building Python objects: values wait on a
// stack, and a container is made once its size is known.
class DictWriter {
public:
    DictWriter() : cache_(StrCache::instance()) { stack_.reserve(256); }
    DictWriter(const DictWriter&) = delete;
    DictWriter& operator=(const DictWriter&) = delete;
    ~DictWriter() {
        for (PyObject* o : stack_) Py_XDECREF(o);
    }

    DictWriter& begin_object() { return open(); }
    DictWriter& begin_array() { return open(); }
    DictWriter& end_object() {
        const std::size_t first = starts_.back();
        starts_.pop_back();
        const std::size_t n = stack_.size() - first;
#if PY_VERSION_HEX < 0x030D0000
        PyObject* dict = _PyDict_NewPresized(static_cast<Py_ssize_t>(n / 2));
#else
        PyObject* dict = PyDict_New();
#endif
        if (!dict) throw py::error_already_set();
        for (std::size_t i = first; i + 1 < stack_.size(); i += 2) {
            if (PyDict_SetItem(dict, stack_[i], stack_[i + 1]) < 0) {
                Py_DECREF(dict);
                throw py::error_already_set();
            }
        }
        for (std::size_t i = first; i < stack_.size(); ++i) Py_DECREF(stack_[i]);
        stack_.resize(first);
        return push(dict);
    }
    DictWriter& end_array() {
        const std::size_t first = starts_.back();
        starts_.pop_back();
        const std::size_t n = stack_.size() - first;
        PyObject* list = PyList_New(static_cast<Py_ssize_t>(n));
        if (!list) throw py::error_already_set();
        for (std::size_t i = 0; i < n; ++i) PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), stack_[first + i]);  // stolen
        stack_.resize(first);
        return push(list);
    }
    DictWriter& key(std::string_view k) { return push(cache_.key(k)); }

    DictWriter& value(std::string_view s) { return push(cache_.get(s)); }
    DictWriter& value(const char* s) { return value(std::string_view(s)); }
    DictWriter& value(const std::string& s) { return value(std::string_view(s)); }
    DictWriter& value(bool b) { return push(new_ref(b ? Py_True : Py_False)); }
    DictWriter& value(double v) {
        if (!std::isfinite(v)) return value(nullptr);  // as the JSON text: null
        return push(PyFloat_FromDouble(v));
    }
    DictWriter& value(std::nullptr_t) { return push(new_ref(Py_None)); }
    DictWriter& value(Date d) { return push(cache_.date(d)); }
    DictWriter& value(RoleSet set) {
        begin_array();
        for (int r = 0; r < role_count; ++r)
            if (set.has(static_cast<Role>(r))) value(to_string(static_cast<Role>(r)));
        return end_array();
    }
    template <class Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
    DictWriter& value(Int v) {
        if constexpr (std::is_unsigned_v<Int>)
            return push(PyLong_FromUnsignedLongLong(static_cast<unsigned long long>(v)));
        else
            return push(PyLong_FromLongLong(static_cast<long long>(v)));
    }
    template <class T>
    DictWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : value(nullptr);
    }
    template <class T>
    DictWriter& value(const std::vector<T>& items) {
        begin_array();
        for (const auto& item : items) value(item);
        return end_array();
    }
    DictWriter& string_or_null(std::string_view s) { return s.empty() ? value(nullptr) : value(s); }

    template <class T>
    DictWriter& member(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    DictWriter& member(std::string_view k, const char* v) {
        key(k);
        return value(std::string_view(v));
    }

    // The document, once every container is closed.
    py::object result() {
        if (stack_.size() != 1 || !starts_.empty()) throw std::logic_error("an unfinished document");
        PyObject* doc = stack_.back();
        stack_.clear();
        return py::reinterpret_steal<py::object>(doc);
    }

private:
    DictWriter& open() {
        starts_.push_back(stack_.size());
        return *this;
    }
    static PyObject* new_ref(PyObject* o) {
        Py_INCREF(o);
        return o;
    }
    DictWriter& push(PyObject* o) {
        if (!o) throw py::error_already_set();
        try {
            stack_.push_back(o);
        } catch (...) {
            Py_DECREF(o);
            throw;
        }
        return *this;
    }

    StrCache& cache_;
    std::vector<PyObject*> stack_;  // owned references
    std::vector<std::size_t> starts_;
};

}  // namespace

py::object evaluation_dict(const Evaluation& evaluation) {
    DictWriter w;
    detail::write_evaluation(w, evaluation);
    return w.result();
}

}  // namespace yr_python
