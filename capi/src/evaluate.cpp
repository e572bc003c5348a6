// Evaluating a person record: JSON in, the evaluation document out.
#include <optional>
#include <string>

#include "api_entry.hpp"
#include "handles.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/person.hpp"

namespace yr_capi {

using yrkesresan::Date;

Date read_iso_date(const char* iso, const char* name) {
    std::optional<Date> date = Date::parse(require(iso, name));
    if (!date)
        throw ArgumentError{"invalid_date",
                            std::string("argument '") + name + "' is not an existing date written YYYY-MM-DD"};
    return *date;
}

void check_options_version(unsigned int version, unsigned int newest, const char* name) {
    if (version < 1 || version > newest)
        throw ArgumentError{"invalid_argument", std::string("argument '") + name + "': version " +
                                                    std::to_string(version) + " is not one this library knows (1.." +
                                                    std::to_string(newest) + ")"};
}

namespace {

yrkesresan::EvaluateOptions read_options(const yr_evaluate_options* options) {
    yrkesresan::EvaluateOptions result;
    if (options == nullptr) return result;
    check_options_version(options->version, YR_EVALUATE_OPTIONS_VERSION, "options");
    // Version 1: language.
    switch (options->language) {
        case YR_LANGUAGE_SV: result.language = yrkesresan::Language::sv; break;
        case YR_LANGUAGE_EN: result.language = yrkesresan::Language::en; break;
        default: throw ArgumentError{"invalid_argument", "argument 'options': language is not a yr_language"};
    }
    return result;
}

Date read_date(const char* as_of) { return read_iso_date(as_of, "as_of"); }

Date read_date(const yr_date* as_of) {
    require(as_of, "as_of");
    try {
        return Date::from_ymd(as_of->year, as_of->month, as_of->day);
    } catch (const yrkesresan::Error&) {
        throw ArgumentError{"invalid_date", "argument 'as_of' is not an existing date"};
    }
}

// Arguments are checked (in parameter order) before the record is read.
template <class AsOf>
int evaluate(const yr_program* program, const char* person_json, AsOf as_of, const yr_evaluate_options* options,
             char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(program, "program");
        require(person_json, "person_json");
        const Date date = read_date(as_of);
        const yrkesresan::EvaluateOptions opts = read_options(options);
        require(out_json, "out_json");
        const auto person = yrkesresan::PersonRecord::from_json(person_json);
        *out_json = to_c_string(yrkesresan::evaluate(program->program, person, date, opts).to_json());
    });
}

}  // namespace
}  // namespace yr_capi

using yr_capi::api_entry;

extern "C" {

YR_API int yr_evaluate_options_init(yr_evaluate_options* options, unsigned int version) {
    return api_entry([&] {
        yr_capi::require(options, "options");
        yr_capi::check_options_version(version, YR_EVALUATE_OPTIONS_VERSION, "version");
        // Only the fields of that version are written: the caller's struct may be older.
        options->version = version;
        options->language = YR_LANGUAGE_SV;
    });
}

YR_API int yr_evaluate(const yr_program* program, const char* person_json, const char* as_of,
                       const yr_evaluate_options* options, char** out_json) {
    return yr_capi::evaluate(program, person_json, as_of, options, out_json);
}

YR_API int yr_evaluate_ymd(const yr_program* program, const char* person_json, const yr_date* as_of,
                           const yr_evaluate_options* options, char** out_json) {
    return yr_capi::evaluate(program, person_json, as_of, options, out_json);
}

}  // extern "C"
