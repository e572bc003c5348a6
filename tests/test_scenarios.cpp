// Runs every shared scenario file (tests/scenarios/*.json) through the C++ API.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "scenario_match.hpp"
#include "support.hpp"

using namespace yr_test;

namespace yr_test {

std::string scenario_mismatch(const json& expected, const json& actual, const std::string& path) {
    // {"exactly": [...]}: as many elements, each matching in order; {"none": [...]}: no element matches any.
    if (expected.is_object() && expected.size() == 1 && actual.is_array() &&
        (expected.contains("exactly") || expected.contains("none"))) {
        if (const auto want = expected.find("exactly"); want != expected.end()) {
            if (!want->is_array() || want->size() != actual.size())
                return path + ": expected exactly " + std::to_string(want->size()) + " elements, got " +
                       std::to_string(actual.size());
            for (std::size_t i = 0; i < actual.size(); ++i)
                if (auto m = scenario_mismatch((*want)[i], actual[i], path + "/" + std::to_string(i)); !m.empty()) return m;
            return "";
        }
        for (const auto& unwanted : expected["none"])
            for (std::size_t i = 0; i < actual.size(); ++i)
                if (scenario_mismatch(unwanted, actual[i], "").empty())
                    return path + "/" + std::to_string(i) + ": matches " + unwanted.dump() + ", which none may";
        return "";
    }
    if (expected.is_object()) {
        if (!actual.is_object()) return path + ": expected an object";
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const auto found = actual.find(it.key());
            if (found == actual.end()) return path + "/" + it.key() + ": missing";
            if (auto m = scenario_mismatch(it.value(), *found, path + "/" + it.key()); !m.empty()) return m;
        }
        return "";
    }
    if (expected.is_array()) {
        if (!actual.is_array()) return path + ": expected an array";
        if (expected.empty() && !actual.empty()) return path + ": expected an empty array, got " + std::to_string(actual.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const json& want = expected[i];
            bool matched = false;
            std::string why = path + "/" + std::to_string(i) + ": no element matches";
            for (const auto& have : actual) {
                if (want.is_object() && want.contains("id") && have.is_object() && have.value("id", json()) != want["id"])
                    continue;
                auto m = scenario_mismatch(want, have, path + "/" + std::to_string(i));
                if (m.empty()) {
                    matched = true;
                    break;
                }
                if (want.is_object() && want.contains("id")) why = m;
            }
            if (!matched) return why;
        }
        return "";
    }
    if (expected != actual) return path + ": expected " + expected.dump() + ", got " + actual.dump();
    return "";
}

}  // namespace yr_test

TEST_CASE("shared scenarios", "[scenarios]") {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(std::string(YR_SOURCE_DIR) + "/tests/scenarios"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 5);
    for (const auto& file : files) {
        const json sc = json::parse(read_file(file.string()));
        INFO(file.filename().string() << ": " << sc.value("name", ""));
        // A built-in program by id, or a program definition file from the repository root.
        Program program = sc.contains("program_file")
                              ? Program::from_json(read_file(std::string(YR_SOURCE_DIR) + "/" +
                                                             sc["program_file"].get<std::string>()))
                              : Program::builtin(sc.at("program").get<std::string>());
        std::vector<std::string> overlays;
        for (const auto& o : sc.value("overlays", json::array()))
            overlays.push_back(read_file(std::string(YR_SOURCE_DIR) + "/" + o.get<std::string>()));
        program = program.with_overlays(overlays);
        const auto as_of = sc.at("as_of").get<std::string>();
        if (sc.contains("error")) {
            const Error e = expect_error([&] { evaluate_and_keep(program, sc.at("person"), as_of); });
            CHECK(std::string(to_string(e.code())) == sc["error"].at("code").get<std::string>());
            CHECK(e.path() == sc["error"].at("path").get<std::string>());
        } else {
            const json doc = evaluate_doc(program, sc.at("person"), as_of);
            CHECK(scenario_mismatch(sc.at("expect"), doc) == "");
        }
    }
}
