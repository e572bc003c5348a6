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

}  // namespace yr_capi
