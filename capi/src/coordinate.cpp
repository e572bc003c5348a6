// The coordinator's report: the request document in, the report document out.
#include "api_entry.hpp"
#include "handles.hpp"
#include "yrkesresan/coordination.hpp"

using yr_capi::api_entry;
using yr_capi::require;

extern "C" {

YR_API int yr_coordinate(const yr_program* program, const char* request_json, char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        // Arguments are checked (in parameter order) before the request is read.
        require(program, "program");
        require(request_json, "request_json");
        require(out_json, "out_json");
        const auto request = yrkesresan::CoordinationRequest::from_json(request_json);
        *out_json = yr_capi::to_c_string(yrkesresan::coordinate(program->program, request).to_json());
    });
}

}  // extern "C"
