// Version queries: the runtime library's version, from the header it was built with.
#include "api_entry.hpp"

using yr_capi::api_entry;
using yr_capi::Resets;

extern "C" {

YR_API int yr_version_number(void) {
    int result = YR_VERSION_NUMBER;
    api_entry<Resets::no>([&] { result = YR_VERSION_NUMBER; });
    return result;
}

YR_API const char* yr_version_string(void) {
    const char* result = YR_VERSION_STRING;
    api_entry<Resets::no>([&] { result = YR_VERSION_STRING; });
    return result;
}

YR_API int yr_abi_version(void) {
    int result = YR_ABI_VERSION;
    api_entry<Resets::no>([&] { result = YR_ABI_VERSION; });
    return result;
}

}  // extern "C"
