// The sizes and newest versions of the header's structs, for bindings that
// lay them out themselves (the header documents each layout).
#include "yrkesresan/yrkesresan.h"

extern "C" {

YR_API size_t yr_struct_size(int which) {
    switch (which) {
        case YR_STRUCT_ERROR: return sizeof(yr_error);
        case YR_STRUCT_DATE: return sizeof(yr_date);
        case YR_STRUCT_EVALUATE_OPTIONS: return sizeof(yr_evaluate_options);
        case YR_STRUCT_CERTIFICATE_OPTIONS: return sizeof(yr_certificate_options);
        case YR_STRUCT_CREDENTIAL_OPTIONS: return sizeof(yr_credential_options);
        default: return 0;
    }
}

YR_API unsigned int yr_struct_version(int which) {
    switch (which) {
        case YR_STRUCT_EVALUATE_OPTIONS: return YR_EVALUATE_OPTIONS_VERSION;
        case YR_STRUCT_CERTIFICATE_OPTIONS: return YR_CERTIFICATE_OPTIONS_VERSION;
        case YR_STRUCT_CREDENTIAL_OPTIONS: return YR_CREDENTIAL_OPTIONS_VERSION;
        default: return 0;
    }
}

}  // extern "C"
