// The thread-local last error and the translation of C++ exceptions into
// yr_error_code values.
#include <new>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

#include "api_entry.hpp"
#include "json_writer.hpp"
#include "yrkesresan/error.hpp"

namespace yr_capi {
namespace {

using yrkesresan::ErrorCode;
using yrkesresan::ErrorClass;

// What yr_error_last() shows when the last fallible call succeeded, and when
// even recording an error ran out of memory. Static storage: never fails.
const yr_error k_ok = {YR_OK, "", "", "", "[]"};
const yr_error k_out_of_memory = {YR_ENOMEM, "out_of_memory", "out of memory", "",
                                  R"([{"code":"out_of_memory","path":"","message":"out of memory"}])"};

// The strings behind the thread's last error.
struct LastError {
    std::string kind, message, path, problems;
    yr_error view = k_ok;
};
thread_local LastError tls_error;
thread_local const yr_error* tls_current = &k_ok;

// The return code of each class of C++ error (yrkesresan/error.hpp decides the class).
int code_of(ErrorCode code) noexcept {
    switch (yrkesresan::error_class(code)) {
        case ErrorClass::parse: return YR_EPARSE;
        case ErrorClass::limit: return YR_ELIMIT;
        case ErrorClass::format: return YR_EFORMAT;
        case ErrorClass::reference: return YR_EREFERENCE;
        case ErrorClass::rules: return YR_ERULES;
        case ErrorClass::conflict: return YR_ECONFLICT;
        case ErrorClass::not_found: return YR_ENOTFOUND;
        case ErrorClass::not_met: return YR_ENOTMET;
    }
    return YR_EFORMAT;
}

struct ProblemText {
    std::string kind, path, message;
    std::size_t line = 0, column = 0;  // 0: not known
};

// Fills `e` with an error: its own kind, message and path (the summary) and
// every problem. Throws std::bad_alloc.
int describe(LastError& e, int code, const ProblemText& summary, const std::vector<ProblemText>& problems) {
    std::string list;
    yrkesresan::detail::JsonWriter w(list);
    w.begin_array();
    for (const auto& p : problems)
    {
        w.begin_object().member("code", p.kind);
        // Where in the text, for syntax errors (1-based; absent when not known).
        if (p.line > 0) w.member("column", p.column).member("line", p.line);
        w.member("message", p.message).member("path", p.path).end_object();
    }
    w.end_array();
    e.kind = summary.kind;
    e.message = summary.message;
    e.path = summary.path;
    e.problems = std::move(list);
    e.view = yr_error{code, e.kind.c_str(), e.message.c_str(), e.path.c_str(), e.problems.c_str()};
    return code;
}

int describe(LastError& e, int code, const char* kind, std::string message, std::string path = "") {
    const ProblemText p{kind, std::move(path), std::move(message)};
    return describe(e, code, p, {p});
}

// Describes the exception in flight into `e`. Throws std::bad_alloc.
int describe_current_exception(LastError& e) {
    try {
        throw;
    } catch (const yrkesresan::Error& error) {
        std::vector<ProblemText> problems;
        for (const auto& p : error.problems())
            problems.push_back({std::string(yrkesresan::to_string(p.code)), p.path, p.message, p.line, p.column});
        const ProblemText summary{std::string(yrkesresan::to_string(error.code())), error.path(), error.message()};
        return describe(e, code_of(error.code()), summary, problems);
    } catch (const ArgumentError& error) {
        return describe(e, YR_EINVALID, error.kind, error.message, error.path);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& error) {
        // Not what(): it may quote input. The type helps a bug report.
        return describe(e, YR_EINTERNAL, "internal_error",
                        std::string("internal error (unexpected ") + typeid(error).name() + "); please report it");
    } catch (...) {
        return describe(e, YR_EINTERNAL, "internal_error", "internal error (unexpected exception); please report it");
    }
}

}  // namespace

namespace detail {

void clear_last_error() noexcept { tls_current = &k_ok; }

int record_current_exception() noexcept {
    tls_current = &k_ok;  // never show a half-written error
    try {
        const int code = describe_current_exception(tls_error);
        tls_current = &tls_error.view;
        return code;
    } catch (...) {
        // Describing the error itself failed: only memory can run out here.
        tls_current = &k_out_of_memory;
        return YR_ENOMEM;
    }
}

int report_current_exception(char** out_error) noexcept {
    try {
        LastError e;
        const int code = describe_current_exception(e);
        if (out_error == nullptr) return code;
        std::string doc;
        yrkesresan::detail::JsonWriter w(doc);
        w.begin_object()
            .member("code", code)
            .member("kind", e.kind)
            .member("message", e.message)
            .member("path", e.path)
            .key("problems")
            .raw(e.problems)
            .end_object();
        *out_error = to_c_string(doc);
        return code;
    } catch (...) {
        // Only memory can run out here; *out_error stays NULL.
        return YR_ENOMEM;
    }
}

}  // namespace detail
}  // namespace yr_capi

using yr_capi::api_entry;
using yr_capi::Resets;

extern "C" {

YR_API const yr_error* yr_error_last(void) {
    const yr_error* result = &yr_capi::k_ok;
    api_entry<Resets::no>([&] { result = yr_capi::tls_current; });
    return result;
}

YR_API void yr_error_clear(void) {
    api_entry<Resets::yes>([] {});
}

YR_API const char* yr_error_string(int code) {
    const char* result = "unknown error code";
    api_entry<Resets::no>([&] {
        switch (code) {
            case YR_OK: result = "no error"; break;
            case YR_EINVALID: result = "invalid argument"; break;
            case YR_ENOMEM: result = "out of memory"; break;
            case YR_EINTERNAL: result = "internal error"; break;
            case YR_ENOTFOUND: result = "no such built-in program"; break;
            case YR_EPARSE: result = "not well-formed JSON"; break;
            case YR_ELIMIT: result = "document too large or too deep"; break;
            case YR_EFORMAT: result = "document does not follow its format"; break;
            case YR_EREFERENCE: result = "reference to an unknown id"; break;
            case YR_ERULES: result = "inconsistent program definition"; break;
            case YR_ECONFLICT: result = "record contradicts the evaluation date"; break;
            case YR_ENOTMET: result = "requirements not met"; break;
            default: break;
        }
    });
    return result;
}

}  // extern "C"
