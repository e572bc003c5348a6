// What every fuzz target shares (docs/reliability.md). Bad input must end in
// yrkesresan::Error with a well-formed problem list; any other exception, a
// broken round trip, or the C ABI disagreeing with C++ aborts, so that
// libFuzzer reports it and keeps the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include <nlohmann/json.hpp>

#include "yrkesresan/error.hpp"
#include "yrkesresan/yrkesresan.h"

namespace yr_fuzz {

[[noreturn]] inline void fail(const char* what, const char* detail = "") {
    std::fprintf(stderr, "yr_fuzz: broken property: %s %s\n", what, detail);
    std::fflush(stderr);
    std::abort();
}

inline void require(bool ok, const char* property) {
    if (!ok) fail(property);
}

// The fuzzer's bytes as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The C ABI reads NUL-terminated strings: an input with a NUL inside is a
// different document there, so the faces are compared only without one.
inline bool c_string_safe(std::string_view s) { return s.find('\0') == std::string_view::npos; }

// An Error must name at least one problem, each with a code, a JSON Pointer
// ("" or starting with "/") and a message.
inline void check_error(const yrkesresan::Error& e) {
    require(!e.problems().empty(), "an Error lists its problems");
    for (const auto& p : e.problems()) {
        require(p.path.empty() || p.path.front() == '/', "an Error's path is a JSON Pointer");
        require(!p.message.empty(), "an Error has a message");
        require(!yrkesresan::to_string(p.code).empty(), "an Error's code has a name");
    }
}

// Runs f. Returns true when it returned, false when it threw
// yrkesresan::Error (the expected answer to bad input, kept in *error when
// given); aborts on anything else.
template <class F>
bool accepts(F&& f, std::optional<yrkesresan::Error>* error = nullptr) {
    try {
        f();
        return true;
    } catch (const yrkesresan::Error& e) {
        check_error(e);
        if (error) error->emplace(e);
        return false;
    } catch (const std::exception& e) {
        fail("only yrkesresan::Error may leave the library; got", typeid(e).name());
    } catch (...) {
        fail("only yrkesresan::Error may leave the library; got a non-std exception");
    }
}

// The document parses as JSON (what the library writes must).
inline nlohmann::json parses(const std::string& document, const char* what) {
    nlohmann::json j = nlohmann::json::parse(document, nullptr, false);
    if (j.is_discarded()) fail("the library writes JSON that parses:", what);
    return j;
}

// The C face agrees with the C++ one: the same document on success, the same
// kind and path on failure. `rc` and `out` are what the C call gave.
inline void same_as_c(int rc, char* out, const std::optional<std::string>& cpp_document,
                      const std::optional<yrkesresan::Error>& cpp_error, const char* what) {
    if (cpp_document) {
        if (rc != YR_OK) fail("the C ABI fails where C++ succeeds:", what);
        if (out == nullptr || *cpp_document != out) fail("the C ABI writes another document than C++:", what);
    } else {
        if (rc == YR_OK) fail("the C ABI succeeds where C++ fails:", what);
        const yr_error* e = yr_error_last();
        if (cpp_error && (std::string(yrkesresan::to_string(cpp_error->code())) != e->kind ||
                          cpp_error->path() != e->path))
            fail("the C ABI reports another kind or path than C++:", what);
    }
    yr_string_free(out);
}

}  // namespace yr_fuzz
