// Runs every shared scenario file (tests/scenarios/*.json) through the C++ API.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "scenario_match.hpp"
#include "support.hpp"

using namespace yr_test;

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
