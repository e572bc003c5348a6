// Fuzz target: a coordination request (data/schema/coordination-request.schema.json),
// a region's population and mentors planned on GR's program.
//   - coordinate ends in yrkesresan::Error or a report whose document parses;
//   - yr_coordinate gives the same document, or the same error kind and path.
#include "harness.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/yrkesresan.hpp"

namespace {

struct Gr {
    yrkesresan::Program program = yrkesresan::Program::builtin("gr-barn-unga");
    yr_program* c = nullptr;
    Gr() {
        if (yr_program_load("gr-barn-unga", nullptr, 0, &c) != YR_OK) yr_fuzz::fail("yr_program_load");
    }
};

const Gr& gr() {
    static const Gr g;
    return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    std::optional<yrkesresan::Error> error;
    std::optional<std::string> report;
    yr_fuzz::accepts(
        [&] {
            const auto request = yrkesresan::CoordinationRequest::from_json(input);
            report = yrkesresan::coordinate(gr().program, request).to_json();
        },
        &error);
    if (report) yr_fuzz::parses(*report, "CoordinationReport::to_json");
    if (yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        char* out = nullptr;
        const int rc = yr_coordinate(gr().c, nul_terminated.c_str(), &out);
        yr_fuzz::same_as_c(rc, out, report, error, "yr_coordinate");
    }
    return 0;
}
