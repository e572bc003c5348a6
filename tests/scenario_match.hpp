// The pattern match of tests/scenarios/README.md.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace yr_test {

// Empty when `actual` matches `expected`; otherwise where and why it does not.
std::string scenario_mismatch(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path = "");

}  // namespace yr_test
