// The pattern match of tests/scenarios/README.md, header-only so that the
// C++ runner and the C ABI runner (which depends on the C header only)
// match alike.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace yr_test {

// Empty when `actual` matches `expected`; otherwise where and why it does not.
inline std::string scenario_mismatch(const nlohmann::json& expected, const nlohmann::json& actual,
                                     const std::string& path = "") {
    using json = nlohmann::json;
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
