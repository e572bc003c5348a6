// Loads a built-in program through the installed C++ library and evaluates a
// newcomer: proves the exported C++ target and its dependencies work.
#include <iostream>

#include <yrkesresan/yrkesresan.hpp>

int main() {
    using namespace yrkesresan;
    const Program gr = Program::builtin("gr-barn-unga");
    const PersonRecord person = PersonRecord::from_json(
        R"({"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"})");
    const Evaluation ev = evaluate(gr, person, Date::from_ymd(2026, 2, 1));
    std::cout << gr.id() << " " << ev.phase.id << "\n";
    return ev.phase.id.empty() ? 1 : 0;
}
