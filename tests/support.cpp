#include "support.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

namespace yr_test {

Date d(std::string_view iso) {
    auto date = Date::parse(iso);
    REQUIRE(date.has_value());
    return *date;
}

const Program& gr() {
    static const Program program = Program::builtin("gr-barn-unga");
    return program;
}

Evaluation evaluate_and_keep(const Program& program, const json& person, std::string_view as_of, Language language) {
    Evaluation ev = evaluate(program, PersonRecord::from_json(person.dump()), d(as_of), {language});
    static std::atomic<int> counter{0};
    std::filesystem::create_directories(YR_EVALUATION_DUMP_DIR);
    std::ofstream(std::string(YR_EVALUATION_DUMP_DIR) + "/evaluation-" + std::to_string(counter++) + ".json")
        << ev.to_json();
    return ev;
}

json evaluate_doc(const Program& program, const json& person, std::string_view as_of) {
    return json::parse(evaluate_and_keep(program, person, as_of).to_json());
}

const ItemResult& item(const Evaluation& ev, std::string_view id) {
    for (const auto& c : ev.checklists)
        for (const auto& it : c.items)
            if (it.id == id) return it;
    FAIL("no item " << id << " in the evaluation");
    throw std::logic_error("unreachable");
}

const ChecklistResult& checklist(const Evaluation& ev, std::string_view id) {
    for (const auto& c : ev.checklists)
        if (c.id == id) return c;
    FAIL("no checklist " << id << " in the evaluation");
    throw std::logic_error("unreachable");
}

const ComponentResult& component(const Evaluation& ev, std::string_view id) {
    for (const auto& c : ev.components)
        if (c.id == id) return c;
    FAIL("no component " << id << " in the evaluation");
    throw std::logic_error("unreachable");
}

const ModuleResult& module(const Evaluation& ev, std::string_view id) {
    for (const auto& m : ev.modules)
        if (m.id == id) return m;
    FAIL("no module " << id << " in the evaluation");
    throw std::logic_error("unreachable");
}

const CertificateResult& certificate(const Evaluation& ev, std::string_view component) {
    for (const auto& c : ev.certificates)
        if (c.component == component) return c;
    FAIL("no certificate for " << component << " in the evaluation");
    throw std::logic_error("unreachable");
}

Error expect_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    FAIL("expected yrkesresan::Error");
    throw std::logic_error("unreachable");
}

json newcomer() {
    return json{{"id", "p-0001"}, {"municipality", "kungalv"}, {"employment_start", "2026-01-12"},
                {"hired_on", "2025-11-20"}};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace yr_test
