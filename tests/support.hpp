// Helpers shared by the C++ tests: build person records, evaluate, and keep
// every evaluation produced for the schema check (tests/validate_schemas.py).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "yrkesresan/yrkesresan.hpp"

namespace yr_test {

using json = nlohmann::json;
using namespace yrkesresan;

Date d(std::string_view iso);
const Program& gr();

// Evaluates and writes the evaluation document to the dump folder.
Evaluation evaluate_and_keep(const Program& program, const json& person, std::string_view as_of,
                             Language language = Language::sv);
json evaluate_doc(const Program& program, const json& person, std::string_view as_of);

const ItemResult& item(const Evaluation& ev, std::string_view id);
const ChecklistResult& checklist(const Evaluation& ev, std::string_view id);
const ComponentResult& component(const Evaluation& ev, std::string_view id);
const ModuleResult& module(const Evaluation& ev, std::string_view id);
const CertificateResult& certificate(const Evaluation& ev, std::string_view component);

// Runs f, expecting yrkesresan::Error; returns it (fails the test otherwise).
Error expect_error(const std::function<void()>& f);

// A GR newcomer hired 2026-01-12, new in the profession, with no events.
json newcomer();

std::string read_file(const std::string& path);

}  // namespace yr_test
