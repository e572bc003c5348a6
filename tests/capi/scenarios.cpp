// Runs every shared scenario (tests/scenarios/*.json) through the C ABI only
// and matches the results as tests/scenarios/README.md describes. Where a
// scenario expects a certificate to be due (or issued), yr_certificate_issue
// must issue it, twice the same; where not due, or where the scenario names
// requirements missing (an issuance recorded early), it must refuse with
// YR_ENOTMET. nlohmann
// reads the scenario files and the returned documents; the library is
// reached through yrkesresan.h alone.
//
//   yr_capi_scenarios SOURCE_DIR
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../scenario_match.hpp"
#include "yrkesresan/yrkesresan.h"

namespace {

using json = nlohmann::json;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string last_error() {
    const yr_error* e = yr_error_last();
    return std::string(e->kind) + " at '" + e->path + "': " + e->message;
}

// Issues the certificates the scenario's evaluation expects; empty when the
// C ABI agrees with the evaluation.
std::string check_certificates(const yr_program* program, const json& sc, const std::string& person,
                               const std::string& as_of) {
    for (const auto& want : sc["expect"].value("certificates", json::array())) {
        const std::string component = want.value("component", "");
        const std::string status = want.value("status", "");
        const bool unmet = status == "not_due" || (want.contains("missing") && want["missing"].is_array() &&
                                                   !want["missing"].empty());
        char* first = nullptr;
        char* second = nullptr;
        const int rc = yr_certificate_issue(program, person.c_str(), as_of.c_str(), component.c_str(), nullptr, &first);
        std::string why;
        if (unmet) {
            if (rc != YR_ENOTMET || std::string(yr_error_last()->kind) != "requirements_not_met")
                why = component + ": expected YR_ENOTMET, got " + std::to_string(rc);
        } else if (status == "due" || status == "issued") {
            if (rc != YR_OK) {
                why = component + ": expected a certificate, got " + last_error();
            } else {
                const json doc = json::parse(first);
                const json& content = doc.at("content");
                if (content.at("component").at("id") != component) why = component + ": certificate of another component";
                else if (want.contains("completed_on") && content.at("completed_on") != want["completed_on"])
                    why = component + ": certificate completed_on " + content.at("completed_on").dump();
                else if (yr_certificate_issue(program, person.c_str(), as_of.c_str(), component.c_str(), nullptr,
                                              &second) != YR_OK || std::string(first) != second)
                    why = component + ": issuing again gave another document";
            }
        }
        yr_string_free(first);
        yr_string_free(second);
        if (!why.empty()) return "certificate " + why;
    }
    return "";
}

// Empty when the scenario passes through the C ABI.
std::string run(const std::filesystem::path& source_dir, const json& sc) {
    std::vector<std::string> overlay_text;
    for (const auto& o : sc.value("overlays", json::array()))
        overlay_text.push_back(read_file(source_dir / o.get<std::string>()));
    std::vector<const char*> overlays;
    for (const auto& o : overlay_text) overlays.push_back(o.c_str());

    // A built-in program by id, or a program definition file from the repository root.
    yr_program* program = nullptr;
    const int loaded =
        sc.contains("program_file")
            ? yr_program_load_json(read_file(source_dir / sc["program_file"].get<std::string>()).c_str(),
                                   overlays.data(), overlays.size(), &program)
            : yr_program_load(sc.at("program").get<std::string>().c_str(), overlays.data(), overlays.size(), &program);
    if (loaded != YR_OK) return "loading the program: " + last_error();

    const std::string person = sc.at("person").dump();
    const std::string as_of = sc.at("as_of").get<std::string>();
    char* out = nullptr;
    const int rc = yr_evaluate(program, person.c_str(), as_of.c_str(), nullptr, &out);
    std::string why;
    if (sc.contains("error")) {
        const auto& want = sc["error"];
        if (rc == YR_OK) why = "expected error " + want.dump() + ", got an evaluation";
        else if (want.at("code").get<std::string>() != yr_error_last()->kind ||
                 want.at("path").get<std::string>() != yr_error_last()->path)
            why = "expected error " + want.dump() + ", got " + last_error();
        else if (out != nullptr) why = "out_json set on failure";
    } else if (rc != YR_OK) {
        why = "evaluation failed: " + last_error();
    } else {
        why = yr_test::scenario_mismatch(sc.at("expect"), json::parse(out), "");
        if (why.empty()) why = check_certificates(program, sc, person, as_of);
    }
    yr_string_free(out);
    yr_program_free(program);
    return why;
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path source_dir = argc > 1 ? argv[1] : ".";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(source_dir / "tests" / "scenarios"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    int passed = 0, failed = 0;
    for (const auto& file : files) {
        std::string why;
        try {
            why = run(source_dir, json::parse(read_file(file)));
        } catch (const std::exception& e) {
            why = std::string("the scenario file: ") + e.what();
        }
        if (why.empty()) {
            ++passed;
            std::cout << "ok    " << file.filename().string() << "\n";
        } else {
            ++failed;
            std::cout << "FAIL  " << file.filename().string() << ": " << why << "\n";
        }
    }
    if (files.size() < 5) {
        std::cout << "too few scenario files in " << (source_dir / "tests" / "scenarios").string() << "\n";
        ++failed;
    }
    std::cout << "capi.scenarios: " << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
