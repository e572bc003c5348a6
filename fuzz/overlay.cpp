// Fuzz target: a municipality or unit overlay (data/schema/overlay.schema.json)
// applied to the built-in GR program (R3 layering).
//   - the overlaid program written and read again is the same program;
//   - a newcomer evaluates against it without anything but
//     yrkesresan::Error, and the evaluation document parses;
//   - yr_program_load with the overlay refuses what C++ refuses, with the
//     same error kind and path.
#include "harness.hpp"
#include "yrkesresan/yrkesresan.hpp"

namespace {

using namespace yrkesresan;
using yr_fuzz::require;

const Program& gr() {
    static const Program p = Program::builtin("gr-barn-unga");
    return p;
}

const PersonRecord& newcomer() {
    static const PersonRecord p = PersonRecord::from_json(R"({
      "id": "p-1", "municipality": "kungalv", "unit": "barn-unga-utredning", "employment_start": "2026-01-12",
      "people": {"FA": "p-2", "1:e": "p-3", "introduktor": "p-2"},
      "events": [{"type": "item_done", "item": "nycklar", "date": "2026-01-13"}]})");
    return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    std::optional<Error> error;
    std::optional<Program> program;
    yr_fuzz::accepts([&] { program = gr().with_overlay(input); }, &error);
    std::optional<std::string> definition;
    if (program) {
        definition = program->to_json();
        require(Program::from_json(*definition).to_json() == *definition,
                "an overlaid program written and read again is the same");
        yr_fuzz::accepts([&] {
            yr_fuzz::parses(evaluate(*program, newcomer(), *Date::parse("2026-06-01")).to_json(), "Evaluation::to_json");
        });
    }
    // The C face is compared where it differs most, on errors: loading a
    // good program twice would halve the executions.
    if (error && yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        const char* overlays[] = {nul_terminated.c_str()};
        yr_program* c_program = nullptr;
        const int rc = yr_program_load("gr-barn-unga", overlays, 1, &c_program);
        char* out = nullptr;
        if (rc == YR_OK) {
            const char* d = yr_program_definition(c_program);
            out = static_cast<char*>(std::malloc(std::strlen(d) + 1));
            std::strcpy(out, d);
        }
        yr_program_free(c_program);
        yr_fuzz::same_as_c(rc, out, definition, error, "yr_program_load");
    }
    return 0;
}
