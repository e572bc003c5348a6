// Fuzz target: a program definition (data/schema/program.schema.json), the
// rules as data that a region or municipality may ship.
//   - Program::from_json(p.to_json()) is the same program (its to_json);
//   - a newcomer evaluates against it without anything but yrkesresan::Error,
//     and the evaluation document parses;
//   - its rule book renders, and every tag of the HTML is one the writer
//     makes (the data's own text is escaped);
//   - yr_program_load_json refuses what C++ refuses, with the same error kind
//     and path.
#include "harness.hpp"
#include "yrkesresan/yrkesresan.hpp"

namespace {

using namespace yrkesresan;
using yr_fuzz::require;

// A newcomer with one leave and a few events naming ids every seed defines.
const PersonRecord& newcomer() {
    static const PersonRecord p = PersonRecord::from_json(R"({
      "id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12",
      "leaves": [{"from": "2026-06-15", "to": "2026-08-09", "kind": "parental"}],
      "people": {"FA": "p-2", "introduktor": "p-2"},
      "events": [{"type": "item_done", "item": "nycklar", "date": "2026-01-13"}]})");
    return p;
}

// Every '<' of the rule book's HTML opens or closes a tag of its writer
// (src/rule_book/rule_book_html.cpp): nothing of the program's text became markup.
bool only_writer_tags(const std::string& html) {
    static const std::string_view tags[] = {
        "!DOCTYPE html>", "html", "head>", "meta ", "title>", "style>", "body>", "main>", "h1 ", "h2 ", "h3 ", "h4 ",
        "h1>", "h2>", "h3>", "h4>", "p>", "p class=", "dl class=", "dl>", "dt>", "dd>", "div class=", "div>",
        "strong>", "code>", "em>", "figure class=", "figure>", "blockquote>", "figcaption>", "table>", "thead>",
        "tbody>", "tr>", "th>", "td>", "ul>", "li>"};
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        std::string_view rest(html);
        rest.remove_prefix(at + 1);
        if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
        bool known = false;
        for (const auto t : tags) known = known || rest.substr(0, t.size()) == t;
        if (!known) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    std::optional<Error> error;
    std::optional<Program> program;
    yr_fuzz::accepts([&] { program = Program::from_json(input); }, &error);
    std::optional<std::string> definition;
    if (program) {
        definition = program->to_json();
        require(Program::from_json(*definition).to_json() == *definition,
                "a program written and read again is the same");
        yr_fuzz::accepts([&] {
            yr_fuzz::parses(evaluate(*program, newcomer(), *Date::parse("2027-01-12")).to_json(), "Evaluation::to_json");
        });
        require(only_writer_tags(rule_book(*program, RuleBookFormat::html)), "the rule book's HTML escapes the program's text");
    }
    // The C face is compared where it differs most, on errors: loading a
    // good program twice would halve the executions.
    if (error && yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        yr_program* c_program = nullptr;
        const int rc = yr_program_load_json(nul_terminated.c_str(), nullptr, 0, &c_program);
        char* out = nullptr;
        if (rc == YR_OK) {
            const char* d = yr_program_definition(c_program);
            out = static_cast<char*>(std::malloc(std::strlen(d) + 1));
            std::strcpy(out, d);
        }
        yr_program_free(c_program);
        yr_fuzz::same_as_c(rc, out, definition, error, "yr_program_load_json");
    }
    return 0;
}
