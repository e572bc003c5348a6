// The *_r forms through the C header: the error travels with the call and
// the thread's last error is left alone, documents carry their size (a NUL
// inside is refused), options are JSON text, results come with their size,
// and a certificate asked for too early says what is missing as data.
//
//   yr_capi_calls_r
#include <cstddef>
#include <cstring>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "yrkesresan/yrkesresan.h"

namespace {

using json = nlohmann::json;

int failures = 0, checks = 0;

void check(bool ok, const std::string& what) {
    ++checks;
    if (!ok) {
        ++failures;
        std::cerr << "FAILED: " << what << "\n";
    }
}

const std::string person =
    R"({"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"})";

// Takes a string the library returned.
std::string take(char* s, std::size_t size) {
    std::string out = s == nullptr ? std::string() : std::string(s, size);
    yr_string_free(s);
    return out;
}

json take_error(char* error) {
    if (error == nullptr) return json();
    json doc = json::parse(error);
    yr_string_free(error);
    return doc;
}

}  // namespace

int main() {
    yr_program* gr = nullptr;
    char* error = nullptr;
    check(yr_program_load_r("gr-barn-unga", nullptr, nullptr, 0, &gr, &error) == YR_OK && error == nullptr,
          "load");

    // A sentinel last error, which no *_r call may touch.
    yr_program* none = nullptr;
    check(yr_program_load("no-such-program", nullptr, 0, &none) == YR_ENOTFOUND, "sentinel");

    // Results with their size, equal to the NUL-terminated forms'.
    char* out = nullptr;
    std::size_t size = 0;
    const std::string in_english = R"({"language": "en"})";
    check(yr_evaluate_r(gr, person.data(), person.size(), "2026-02-01", in_english.data(), in_english.size(), &out,
                        &size, &error) == YR_OK,
          "evaluate_r in English");
    const std::string english = take(out, size);
    check(english.size() == size && english.find("\"language\":\"en\"") != std::string::npos, "size and language");
    yr_evaluate_options en = YR_EVALUATE_OPTIONS_INIT;
    en.language = YR_LANGUAGE_EN;
    char* classic = nullptr;
    check(yr_evaluate(gr, person.c_str(), "2026-02-01", &en, &classic) == YR_OK, "evaluate");
    check(classic != nullptr && english == classic, "the same evaluation both ways");
    yr_string_free(classic);
    check(yr_error_last()->code == YR_OK, "the classic call reset the last error");
    check(yr_program_load("no-such-program", nullptr, 0, &none) == YR_ENOTFOUND, "sentinel again");

    // A successful *_r call leaves the last error alone too.
    check(yr_evaluate_r(gr, person.data(), person.size(), "2026-02-01", nullptr, 0, &out, nullptr, &error) == YR_OK,
          "evaluate_r without out_size");
    yr_string_free(out);
    check(yr_error_last()->code == YR_ENOTFOUND, "success leaves the last error alone");

    // A NUL inside a document with its size is refused; the NUL-terminated
    // form cannot see what follows it.
    const std::string with_nul = person + std::string("\0garbage", 8);
    check(yr_evaluate_r(gr, with_nul.data(), with_nul.size(), "2026-02-01", nullptr, 0, &out, &size, &error) ==
              YR_EPARSE,
          "embedded NUL refused");
    json e = take_error(error);
    check(e["code"] == YR_EPARSE && e["kind"] == "parse_error" && out == nullptr && size == 0, "NUL: " + e.dump());
    check(yr_error_last()->code == YR_ENOTFOUND, "failure leaves the last error alone");

    // Options: unknown members, wrong types and values, each with its path.
    auto options_error = [&](const std::string& options) {
        char* err = nullptr;
        char* o = nullptr;
        const int rc = yr_evaluate_r(gr, person.data(), person.size(), "2026-02-01", options.data(), options.size(),
                                     &o, nullptr, &err);
        check(rc == YR_EINVALID && o == nullptr, "options " + options + " refused");
        return take_error(err);
    };
    e = options_error(R"({"lang": "en"})");
    check(e["kind"] == "unknown_field" && e["path"] == "/lang", "unknown option: " + e.dump());
    e = options_error(R"({"language": "de"})");
    check(e["kind"] == "invalid_value" && e["path"] == "/language", "unknown language: " + e.dump());
    e = options_error(R"({"language": 1})");
    check(e["kind"] == "wrong_type" && e["path"] == "/language", "language not text: " + e.dump());
    e = options_error(R"(["en"])");
    check(e["kind"] == "wrong_type" && e["path"] == "", "options not an object: " + e.dump());
    e = options_error(R"({"language": "en")");
    check(e["kind"] == "parse_error", "options not JSON: " + e.dump());
    check(e["message"].get<std::string>().find("options_json") != std::string::npos, "the message names the argument");

    // Missing requirements as data: each its own code and the path of what is missing.
    check(yr_certificate_issue_r(gr, person.data(), person.size(), "2026-02-01", "introduktionsprogram", nullptr, 0,
                                 &out, &size, &error) == YR_ENOTMET,
          "certificate too early");
    e = take_error(error);
    check(e["code"] == YR_ENOTMET && e["kind"] == "requirements_not_met" && e["path"] == "", "the error: " + e.dump());
    check(e["problems"].size() >= 8, "every module is missing");
    check(e["problems"][0]["code"] == "module_not_attended" && e["problems"][0]["path"] == "/modules/m1",
          "the first missing requirement: " + e["problems"][0].dump());
    for (const auto& p : e["problems"]) {
        const std::string code = p["code"], path = p["path"];
        check((code == "module_not_attended" || code == "homework_not_submitted") && path.rfind("/modules/m", 0) == 0,
              "a missing requirement: " + p.dump());
    }
    // The classic form shows the same problems through yr_error_last().
    char* certificate = nullptr;
    check(yr_certificate_issue(gr, person.c_str(), "2026-02-01", "introduktionsprogram", nullptr, &certificate) ==
              YR_ENOTMET,
          "certificate too early (classic)");
    check(json::parse(yr_error_last()->problems) == e["problems"], "the same problems both ways");
    check(std::string(yr_error_last()->kind) == "requirements_not_met" && std::string(yr_error_last()->path).empty(),
          "kind and path of the classic error");

    // Certificate options as JSON.
    e = json();
    check(yr_certificate_issue_r(gr, person.data(), person.size(), "2026-02-01", "introduktionsprogram",
                                 R"({"issuer": 3})", 13, &out, &size, &error) == YR_EINVALID,
          "certificate options");
    e = take_error(error);
    check(e["kind"] == "wrong_type" && e["path"] == "/issuer", "issuer not text: " + e.dump());

    // Overlays with their sizes.
    const std::string overlay = R"({"format": 1, "id": "x", "level": "municipality"})";
    const char* overlays[] = {overlay.data()};
    const std::size_t sizes[] = {overlay.size() - 1};  // cut: not JSON any more
    yr_program* p = nullptr;
    check(yr_program_load_r("gr-barn-unga", overlays, sizes, 1, &p, &error) == YR_EPARSE && p == nullptr,
          "an overlay is read to its size");
    e = take_error(error);
    check(e["message"].get<std::string>().find("overlays[0]") != std::string::npos, "names the overlay: " + e.dump());

    // The definition and the program list with their sizes.
    check(yr_program_definition_r(gr, &out, &size, &error) == YR_OK && size == std::strlen(yr_program_definition(gr)),
          "definition_r");
    yr_program* again = nullptr;
    check(yr_program_load_json_r(out, size, nullptr, nullptr, 0, &again, &error) == YR_OK, "definition loads again");
    yr_string_free(out);
    yr_program_free(again);
    check(yr_program_list_r(&out, &size, &error) == YR_OK && json::parse(std::string(out, size)).size() >= 2,
          "list_r");
    yr_string_free(out);

    // The layouts the header documents (LP64).
    if (sizeof(void*) == 8) {
        check(offsetof(yr_error, kind) == 8 && offsetof(yr_error, problems) == 32 && sizeof(yr_error) == 40,
              "yr_error layout");
        check(sizeof(yr_date) == 12 && offsetof(yr_date, day) == 8, "yr_date layout");
        check(sizeof(yr_evaluate_options) == 8 && offsetof(yr_evaluate_options, language) == 4,
              "yr_evaluate_options layout");
        check(sizeof(yr_certificate_options) == 16 && offsetof(yr_certificate_options, issuer) == 8,
              "yr_certificate_options layout");
        check(sizeof(yr_credential_options) == 56 && offsetof(yr_credential_options, issuer_url) == 8 &&
                  offsetof(yr_credential_options, organisation) == 48,
              "yr_credential_options layout");
    }

    yr_program_free(gr);
    std::cout << "capi.calls_r: " << checks - failures << " passed, " << failures << " failed\n";
    return failures == 0 ? 0 : 1;
}
