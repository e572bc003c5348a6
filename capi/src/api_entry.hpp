// The exception barrier of the C ABI (in the spirit of TileDB's api_entry):
// every extern "C" body runs inside api_entry, which turns any exception into
// a negative yr_error_code and the thread's last error. Nothing here knows a
// rule: the C ABI only converts, calls the C++ API and translates errors.
#pragma once

#include <new>
#include <string>
#include <utility>

#include "yrkesresan/yrkesresan.h"

namespace yr_capi {

// An invalid argument of a C call (NULL, unknown options version, a date
// that does not exist): YR_EINVALID. `kind` is the stable snake_case id.
struct ArgumentError {
    const char* kind;
    std::string message;
    std::string path = "";  // into the argument's JSON text (options), when it is one
};

// Throws ArgumentError when p is NULL; `name` is the C parameter's name.
template <class T>
T* require(T* p, const char* name) {
    if (p == nullptr) throw ArgumentError{"invalid_argument", std::string("argument '") + name + "' is NULL"};
    return p;
}

namespace detail {
// Resets the calling thread's last error to YR_OK.
void clear_last_error() noexcept;
// Records the exception in flight as the thread's last error and returns its
// code. Called only from a catch block.
int record_current_exception() noexcept;
// Describes the exception in flight as an error document in *out_error
// (NULL when out_error is NULL, or memory ran out) and returns its code; the
// thread's last error is left alone. Called only from a catch block.
int report_current_exception(char** out_error) noexcept;
}  // namespace detail

// Whether an entry point resets the thread's last error: fallible functions
// do; free functions and getters of static data leave it for the caller.
enum class Resets : bool { no = false, yes = true };

// The barrier. `body` returns void; api_entry returns YR_OK or the code of
// the exception it caught. No exception escapes (noexcept: a bug here ends
// the process instead of unwinding into C).
template <Resets resets = Resets::yes, class Body>
int api_entry(Body&& body) noexcept {
    if constexpr (resets == Resets::yes) detail::clear_last_error();
    try {
        std::forward<Body>(body)();
        return YR_OK;
    } catch (...) {
        return detail::record_current_exception();
    }
}

// The barrier of the forms whose error travels with the call: the same
// conversion, but the error goes to *out_error (set to NULL on entry) and the
// thread's last error is neither reset nor set.
template <class Body>
int api_entry_r(char** out_error, Body&& body) noexcept {
    if (out_error != nullptr) *out_error = nullptr;
    try {
        std::forward<Body>(body)();
        return YR_OK;
    } catch (...) {
        return detail::report_current_exception(out_error);
    }
}

// A malloc'ed copy for a `char **out_json`; yr_string_free releases it.
// Throws std::bad_alloc.
char* to_c_string(const std::string& s);

}  // namespace yr_capi
