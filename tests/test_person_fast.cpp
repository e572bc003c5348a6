// The two readers of a person record (src/person/person_read.hpp): the fast one
// gives the strict one's record, or gives up and leaves the record to it.
// Checked on every record of the project, on bytes of some of them deleted
// or replaced, and on the bad-input corpus; the person fuzz target checks it
// on whatever it finds.
#include <catch2/catch.hpp>

#include <filesystem>

#include "person_read.hpp"
#include "support.hpp"

using namespace yr_test;
namespace fs = std::filesystem;
namespace detail = yrkesresan::detail;

namespace {

// Whether the fast reader read `text` (false: it gave up). Fails the test
// when the two readers disagree.
bool agree(const std::string& text) {
    const std::optional<PersonRecord> fast = detail::read_person_fast(text);
    try {
        const PersonRecord strict = detail::read_person_strict(text);
        // to_json writes the assignments and planned dates sorted: their order is compared apart.
        if (fast && (fast->to_json() != strict.to_json() || fast->plan.assignments != strict.plan.assignments ||
                     fast->plan.planned != strict.plan.planned)) {
            FAIL_CHECK("another record from the fast reader: " << text);
        }
    } catch (const Error&) {
        if (fast) FAIL_CHECK("the fast reader accepted what the strict one refuses: " << text);
    }
    return fast.has_value();
}

// The person records of the example cohort and the shared scenarios.
std::vector<std::string> project_records() {
    std::vector<std::string> out;
    for (const auto& p : json::parse(read_file(std::string(YR_SOURCE_DIR) + "/examples/cohort.json"))) out.push_back(p.dump());
    for (const auto& f : fs::directory_iterator(fs::path(YR_SOURCE_DIR) / "tests" / "scenarios")) {
        if (f.path().extension() != ".json") continue;
        const json s = json::parse(read_file(f.path().string()));
        if (s.contains("person")) out.push_back(s["person"].dump());
    }
    return out;
}

}  // namespace

static bool strict_reads(const std::string& text) {
    try {
        detail::read_person_strict(text);
        return true;
    } catch (const Error&) {
        return false;
    }
}

TEST_CASE("the fast reader reads every valid record of the project as the strict one does", "[person][input]") {
    std::size_t valid = 0;
    for (const auto& text : project_records()) {
        INFO(text);
        const bool read = agree(text);  // as dumped (no whitespace)
        if (!strict_reads(text)) continue;  // a scenario of an error
        ++valid;
        CHECK(read);
        CHECK(agree(json::parse(text).dump(2)));  // indented
        CHECK(agree(" \n" + text + "\r\n\t"));  // space around
    }
    CHECK(valid > 30);
}

TEST_CASE("the fast reader gives up, never differs, on bytes deleted or replaced", "[person][input]") {
    const auto records = project_records();
    std::size_t read = 0, given_up = 0;
    for (std::size_t r = 0; r < records.size(); r += 12) {
        const std::string& text = records[r];
        for (std::size_t i = r % 5; i < text.size(); i += 5) {  // every fifth byte: about 3 s
            std::string v = text;
            v.erase(i, 1);
            (agree(v) ? read : given_up)++;
            for (const char c : {'"', '0', '-', '.', '}', ',', '\\', '\0', '\x80'}) {
                v = text;
                v[i] = c;
                (agree(v) ? read : given_up)++;
            }
        }
    }
    // Both outcomes happen: a deleted digit of a date still reads, a
    // deleted quote does not.
    CHECK(read > 0);
    CHECK(given_up > 0);
}

TEST_CASE("the fast reader agrees with the strict one on the bad-input corpus", "[person][input]") {
    // Refused records, and records whose facts only bring warnings.
    std::size_t cases = 0;
    for (const auto& f : fs::directory_iterator(fs::path(YR_SOURCE_DIR) / "tests" / "corpus" / "person")) {
        if (f.path().extension() != ".json") continue;
        agree(read_file(f.path().string()));
        ++cases;
    }
    CHECK(cases > 100);
}

TEST_CASE("the fast reader orders assignments as the strict one, and leaves escapes, fractions and repeated keys to it", "[person][input]") {
    json p = newcomer();
    const std::string plain = p.dump();
    REQUIRE(agree(plain));
    // Escaped: the same record to the strict reader, left to it.
    std::string escaped = plain;
    escaped.replace(escaped.find("\"id\""), 4, "\"\\u0069d\"");
    CHECK_FALSE(agree(escaped));
    CHECK(PersonRecord::from_json(escaped).to_json() == PersonRecord::from_json(plain).to_json());
    // Assignments out of key order are read in key order, as the strict
    // reader's DOM gives them.
    std::string unsorted = plain.substr(0, plain.size() - 1) +
                           R"(,"plan":{"assignments":{"visitkort":["EC"],"nycklar":["FA","SJ"],"bbic":["1:e"]}}})";
    CHECK(agree(unsorted));
    CHECK(detail::read_person_fast(unsorted)->plan.assignments.front().first == "bbic");
    p["prior_experience_months"] = 1.0;
    CHECK_FALSE(agree(p.dump()));
    CHECK_FALSE(agree(plain.substr(0, plain.size() - 1) + ",\"id\":\"p-2\"}"));
}
