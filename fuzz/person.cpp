// Fuzz target: a person record (docs/contract.md) read, written back, evaluated
// and certified; the public entry that reads what case-management systems
// send most often.
//   - PersonRecord::from_json(r.to_json()) is the same record (its to_json);
//   - the fast reader (src/person/person_read.hpp) gives the strict reader's
//     record, or gives up: it never reads what the strict one refuses;
//   - evaluate on GR (with the example municipality and unit overlays) and
//     on Uppsala; the evaluation document parses as JSON;
//   - issue_certificate for every component with a certificate; its
//     document parses;
//   - yr_evaluate gives the same document, or the same error kind and path.
#include <fstream>
#include <sstream>
#include <vector>

#include "harness.hpp"
#include "person_read.hpp"
#include "yrkesresan/yrkesresan.hpp"

namespace {

using namespace yrkesresan;
using yr_fuzz::require;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) yr_fuzz::fail("cannot read", path.c_str());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Programs {
    Program gr, uppsala;
    yr_program* gr_c = nullptr;
};

const Programs& programs() {
    static const Programs p = [] {
        const std::vector<std::string> overlays = {
            read_file(YR_SOURCE_DIR "/data/overlays/example-kungalv.json"),
            read_file(YR_SOURCE_DIR "/data/overlays/example-kungalv-utredning.json")};
        Programs r{Program::builtin("gr-barn-unga").with_overlays(overlays), Program::builtin("uppsala-bistand-lss")};
        const char* texts[] = {overlays[0].c_str(), overlays[1].c_str()};
        if (yr_program_load("gr-barn-unga", texts, 2, &r.gr_c) != YR_OK) yr_fuzz::fail("yr_program_load");
        return r;
    }();
    return p;
}

// On this date the seed records are mid-program: most rules are live.
const Date as_of = *Date::parse("2027-03-01");

void evaluate_and_certify(const Program& program, const PersonRecord& person, Language language) {
    yr_fuzz::accepts([&] {
        const Evaluation ev = evaluate(program, person, as_of, {language});
        yr_fuzz::parses(ev.to_json(), "Evaluation::to_json");
    });
    for (const auto& c : program.components()) {
        if (!c.gives_certificate()) continue;
        yr_fuzz::accepts([&] {
            const Certificate cert = issue_certificate(program, person, as_of, c.id);
            yr_fuzz::parses(cert.to_json(), "Certificate::to_json");
        });
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    const Programs& p = programs();

    std::optional<Error> error;
    std::optional<PersonRecord> person;
    std::optional<std::string> document;
    yr_fuzz::accepts([&] { person = PersonRecord::from_json(input); }, &error);
    if (const std::optional<PersonRecord> fast = detail::read_person_fast(input)) {
        std::optional<PersonRecord> strict;
        yr_fuzz::accepts([&] { strict = detail::read_person_strict(input); });
        require(strict && strict->to_json() == fast->to_json() && strict->plan.assignments == fast->plan.assignments &&
                    strict->plan.planned == fast->plan.planned,
                "the fast reader gives the strict reader's record");
    }
    if (person) {
        const std::string written = person->to_json();
        require(PersonRecord::from_json(written).to_json() == written, "a record written and read again is the same");
        yr_fuzz::accepts([&] { document = evaluate(p.gr, *person, as_of).to_json(); }, &error);
        if (document) yr_fuzz::parses(*document, "Evaluation::to_json");
        evaluate_and_certify(p.uppsala, *person, Language::en);
        evaluate_and_certify(p.gr, *person, Language::en);
    }
    if (yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        char* out = nullptr;
        const int rc = yr_evaluate(p.gr_c, nul_terminated.c_str(), "2027-03-01", nullptr, &out);
        yr_fuzz::same_as_c(rc, out, document, error, "yr_evaluate");
    }
    return 0;
}
