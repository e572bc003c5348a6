// The exception barrier itself (capi/src/api_entry.hpp): whatever a body
// throws becomes a code and a last error, never an exception in C. Links the
// static C library to reach the private barrier.
#include <cstring>
#include <iostream>
#include <new>
#include <stdexcept>
#include <string>

#include "api_entry.hpp"
#include "yrkesresan/error.hpp"

namespace {

int failures = 0, checks = 0;

void expect(bool ok, const std::string& what) {
    ++checks;
    if (!ok) {
        ++failures;
        std::cerr << "FAIL: " << what << "\n";
    }
}

template <class Body>
void expect_code(Body body, int code, const char* kind, const std::string& what) {
    const int rc = yr_capi::api_entry(body);
    const yr_error* e = yr_error_last();
    expect(rc == code && e->code == code && std::strcmp(e->kind, kind) == 0, what + ": code " + std::to_string(rc) +
                                                                              ", kind " + e->kind);
}

struct NotAnException {};

}  // namespace

int main() {
    using yrkesresan::Error;
    using yrkesresan::ErrorCode;
    expect_code([] {}, YR_OK, "", "no exception");
    expect_code([] { throw std::bad_alloc(); }, YR_ENOMEM, "out_of_memory", "std::bad_alloc");
    expect_code([] { throw std::bad_array_new_length(); }, YR_ENOMEM, "out_of_memory", "std::bad_array_new_length");
    expect_code([] { throw std::runtime_error("secret p-1042"); }, YR_EINTERNAL, "internal_error", "std::runtime_error");
    expect(std::strstr(yr_error_last()->message, "p-1042") == nullptr, "an internal error never quotes what()");
    expect_code([] { throw std::logic_error("x"); }, YR_EINTERNAL, "internal_error", "std::logic_error");
    expect_code([] { throw 42; }, YR_EINTERNAL, "internal_error", "an int");
    expect_code([] { throw NotAnException(); }, YR_EINTERNAL, "internal_error", "a struct");
    expect_code([] { throw yr_capi::ArgumentError{"invalid_argument", "argument 'x' is NULL"}; }, YR_EINVALID,
                "invalid_argument", "ArgumentError");

    // Every C++ error code maps to its semantic class; the kind is the C++ name.
    const struct {
        ErrorCode cxx;
        int c;
    } mapping[] = {
        {ErrorCode::parse_error, YR_EPARSE},          {ErrorCode::limit_exceeded, YR_ELIMIT},
        {ErrorCode::wrong_type, YR_EFORMAT},          {ErrorCode::missing_field, YR_EFORMAT},
        {ErrorCode::unknown_field, YR_EFORMAT},       {ErrorCode::invalid_value, YR_EFORMAT},
        {ErrorCode::invalid_date, YR_EFORMAT},        {ErrorCode::reversed_period, YR_EFORMAT},
        {ErrorCode::unknown_code, YR_EFORMAT},        {ErrorCode::conflicting_codes, YR_EFORMAT},
        {ErrorCode::unknown_reference, YR_EREFERENCE}, {ErrorCode::duplicate_id, YR_EFORMAT},
        {ErrorCode::phase_gap, YR_ERULES},            {ErrorCode::phase_overlap, YR_ERULES},
        {ErrorCode::cycle, YR_ERULES},                {ErrorCode::future_event, YR_ECONFLICT},
        {ErrorCode::not_found, YR_ENOTFOUND},         {ErrorCode::requirements_not_met, YR_ENOTMET},
    };
    for (const auto& m : mapping) {
        const std::string kind(yrkesresan::to_string(m.cxx));
        expect_code([&] { throw Error(m.cxx, "/a~1b/0", "what is wrong"); }, m.c, kind.c_str(), kind);
        expect(std::strcmp(yr_error_last()->path, "/a~1b/0") == 0, kind + ": path");
        expect(std::strcmp(yr_error_last()->message, "what is wrong") == 0, kind + ": message");
    }

    // Several problems: the first is the error, all are listed.
    expect_code([] {
        throw Error({{ErrorCode::missing_field, "/id", "required"}, {ErrorCode::unknown_field, "/x", "unknown"}});
    }, YR_EFORMAT, "missing_field", "several problems");
    expect(std::string(yr_error_last()->problems) ==
               R"([{"code":"missing_field","message":"required","path":"/id"},)"
               R"({"code":"unknown_field","message":"unknown","path":"/x"}])",
           std::string("problems: ") + yr_error_last()->problems);

    // Resets::no leaves the last error as it was.
    yr_capi::api_entry([] { throw std::bad_alloc(); });
    yr_capi::api_entry<yr_capi::Resets::no>([] {});
    expect(yr_error_last()->code == YR_ENOMEM, "Resets::no keeps the last error");
    yr_capi::api_entry([] {});
    expect(yr_error_last()->code == YR_OK, "Resets::yes clears it");

    std::cout << "capi.barrier: " << checks - failures << " passed, " << failures << " failed\n";
    return failures == 0 ? 0 : 1;
}
