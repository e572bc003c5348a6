// What an author of a program or an overlay is told: where a syntax error
// is (line and column), which ids exist, and the program checker's findings.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;

namespace {
// The first problem of a document that does not load.
Problem first_problem(const std::function<void()>& f) { return expect_error(f).problems().front(); }
}  // namespace

TEST_CASE("every syntax error names its line and column beside the byte", "[authoring][errors]") {
    // A trailing comma on line 3: the closing bracket is where reading stops.
    const std::string trailing = "{\n  \"format\": 1,\n  \"id\": \"x\",\n}";
    Problem p = first_problem([&] { Program::from_json(trailing); });
    CHECK(p.code == ErrorCode::parse_error);
    CHECK(p.line == 4);
    CHECK(p.column == 1);
    CHECK_THAT(p.message, Catch::StartsWith("malformed JSON at line 4, column 1 (byte 30)"));
    CHECK_THAT(p.message, Catch::Contains("a comma after the last member"));

    // A word processor's curly quote: columns count characters, not bytes.
    const std::string curly = "{\n  \"label\": \"Åsa\", \xE2\x80\x9C" "id\xE2\x80\x9D: 1}";
    p = first_problem([&] { Program::from_json(curly); });
    CHECK(p.line == 2);
    CHECK(p.column == 19);
    CHECK_THAT(p.message, Catch::Contains("typographic (curly) quote"));
    CHECK_THAT(p.message, !Catch::Contains("Åsa"));

    // Every reader: overlays, person records, coordination requests, credentials.
    const Program gr_program = gr();
    p = first_problem([&] { gr_program.with_overlay("{\n\n  \"format\": 1 \"level\": \"unit\"}"); });
    INFO(p.message);
    CHECK((p.line == 3 && p.column == 15));
    CHECK_THAT(p.message, Catch::Contains("a comma or a colon missing"));
    const std::string secret = "19121212-1212";
    p = first_problem([&] { PersonRecord::from_json("{\"id\": \"" + secret + "\",\n \"employment_start\": 2026-01-12}"); });
    CHECK(p.line == 2);
    CHECK((p.column >= 22 && p.column <= 31));  // within the unquoted date
    CHECK_THAT(p.message, !Catch::Contains(secret));
    p = first_problem([&] { CoordinationRequest::from_json("// a comment\n{}"); });
    CHECK((p.line == 1 && p.column == 1));
    CHECK_THAT(p.message, Catch::Contains("a comment (JSON has none)"));
    p = first_problem([&] { canonicalize_json("{\"a\": [1,\n 2,]}"); });
    CHECK((p.line == 2 && p.column == 4));
    // The end of the text: something is not closed.
    p = first_problem([&] { Program::from_json("{\n\"id\": \"x\""); });
    CHECK(p.line == 2);
    CHECK_THAT(p.message, Catch::Contains("ends early"));
}
