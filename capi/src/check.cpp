// yr_program_check and yr_program_check_r: the program checker
// (yrkesresan/check.hpp) as a JSON report.
#include <string>
#include <string_view>
#include <vector>

#include "api_entry.hpp"
#include "handles.hpp"
#include "yrkesresan/check.hpp"

namespace {

std::string check(std::string_view definition, const std::vector<std::string_view>& overlays) {
    return yrkesresan::check_program(definition, std::vector<std::string>(overlays.begin(), overlays.end())).to_json();
}

}  // namespace

using yr_capi::api_entry;
using yr_capi::api_entry_r;
using yr_capi::require;

extern "C" {

YR_API int yr_program_check(const char* definition_json, const char* const* overlays, size_t overlay_count,
                            char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(definition_json, "definition_json");
        require(out_json, "out_json");
        const auto texts = yr_capi::read_overlays(overlays, nullptr, overlay_count);
        *out_json = yr_capi::to_c_string(check(definition_json, texts));
    });
}

YR_API int yr_program_check_r(const char* definition_json, size_t definition_size, const char* const* overlays,
                              const size_t* overlay_sizes, size_t overlay_count, char** out_json, size_t* out_size,
                              char** out_error) {
    if (out_json != nullptr) *out_json = nullptr;
    if (out_size != nullptr) *out_size = 0;
    return api_entry_r(out_error, [&] {
        const std::string_view definition(require(definition_json, "definition_json"), definition_size);
        require(out_json, "out_json");
        if (overlay_count > 0) require(overlay_sizes, "overlay_sizes");
        const auto texts = yr_capi::read_overlays(overlays, overlay_sizes, overlay_count);
        const std::string report = check(definition, texts);
        *out_json = yr_capi::to_c_string(report);
        if (out_size != nullptr) *out_size = report.size();
    });
}

}  // extern "C"
