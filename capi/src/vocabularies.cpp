// The closed vocabularies of the JSON documents, written from the library's
// one table of each (the C++ enums and their to_string), so a binding over the
// C ABI need not keep a copy of any list.
#include <string>

#include "api_entry.hpp"
#include "handles.hpp"
#include "json_writer.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/roles.hpp"

namespace yr_capi {
namespace {

template <class E>
void spelled(yrkesresan::detail::JsonWriter& w, const char* key, int count) {
    w.key(key).begin_array();
    for (int i = 0; i < count; ++i) w.value(yrkesresan::to_string(static_cast<E>(i)));
    w.end_array();
}

}  // namespace

const std::string& vocabulary_list() {
    static const std::string list = [] {
        std::string text;
        yrkesresan::detail::JsonWriter w(text);
        w.begin_object().key("error_classes").begin_object();
        // Codes are numbered densely from 0; to_string names an unknown one "unknown".
        for (int c = 0;; ++c) {
            const auto code = static_cast<yrkesresan::ErrorCode>(c);
            const auto name = yrkesresan::to_string(code);
            if (name == "unknown" || name.empty()) break;
            w.member(name, yrkesresan::to_string(yrkesresan::error_class(code)));
        }
        w.end_object();
        spelled<yrkesresan::EventType>(w, "event_types", yrkesresan::event_type_count);
        spelled<yrkesresan::LeaveKind>(w, "leave_kinds", yrkesresan::leave_kind_count);
        w.key("named_roles").begin_array();
        for (const auto role : yrkesresan::named_roles) w.value(role);
        w.end_array();
        spelled<yrkesresan::Role>(w, "roles", yrkesresan::role_count);
        w.end_object();
        return text;
    }();
    return list;
}

}  // namespace yr_capi

extern "C" {

YR_API int yr_vocabularies(char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return yr_capi::api_entry([&] {
        yr_capi::require(out_json, "out_json");
        *out_json = yr_capi::to_c_string(yr_capi::vocabulary_list());
    });
}

}  // extern "C"
