// Input limits (docs/limits.md): each exactly at the limit (accepted) and one
// past it (limit_exceeded, with a JSON Pointer), through the public entry
// points; a document nested ten million deep on a small stack; integers.
#include <catch2/catch.hpp>

#include <pthread.h>

#include <chrono>
#include <functional>
#include <string>

#include "json_input.hpp"
#include "support.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;
namespace detail = yrkesresan::detail;

namespace {

// The code and path of the error f throws; ("", "") when it throws none.
std::pair<std::string, std::string> outcome(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return {std::string(to_string(e.code())), e.path()};
    }
    return {"", ""};
}

std::string person_with(const std::string& member) {
    return R"({"id":"p-1","municipality":"kungalv","employment_start":"2026-01-12",)" + member + "}";
}

std::function<void()> read_person(std::string text) {
    return [text = std::move(text)] { PersonRecord::from_json(text); };
}

// Pads a document with trailing spaces to exactly `size` bytes.
std::string padded(std::string text, std::size_t size) {
    REQUIRE(text.size() <= size);
    text.append(size - text.size(), ' ');
    return text;
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string zeros_path(std::size_t n) {
    std::string p;
    for (std::size_t i = 0; i < n; ++i) p += "/0";
    return p;
}

// Runs f on a thread with a 256 KiB stack: recursion per nesting level
// would overflow it long before ten million levels.
void on_small_stack(const std::function<void()>& f) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_t thread;
    auto run = [](void* arg) -> void* {
        (*static_cast<const std::function<void()>*>(arg))();
        return nullptr;
    };
    REQUIRE(pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&f)) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
}

std::string overlay_text(const std::string& id, const std::string& level = "unit") {
    return R"({"format":1,"overlay":")" + id + R"(","level":")" + level + R"(","program":"gr-barn-unga"})";
}

}  // namespace

TEST_CASE("ten million nested arrays are refused at depth 33, on a small stack, quickly", "[limits]") {
    const std::string deep(10'000'000, '[');
    std::vector<std::pair<std::string, std::string>> seen;
    std::string credential_status;
    double seconds = 0;
    on_small_stack([&] {
        const auto start = std::chrono::steady_clock::now();
        // Through the generic reader (16 MiB), and a coordination request (1 GiB).
        seen.push_back(outcome([&] { detail::parse_json(deep); }));
        seen.push_back(outcome([&] { CoordinationRequest::from_json(deep); }));
        // The credential reader is a different one; it refuses too.
        credential_status = std::string(to_string(verify_credential(deep, {}, {"2026-01-01T00:00:00Z"}).status));
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    });
    REQUIRE(seen.size() == 2);
    CHECK(seen[0] == std::make_pair(std::string("limit_exceeded"), zeros_path(32)));
    CHECK(seen[1].first == "limit_exceeded");
    CHECK(credential_status == "malformed");
    CHECK(seconds < 5.0);  // stops at the limit instead of reading ten million levels
}

TEST_CASE("nesting: 32 levels are read, 33 are not", "[limits]") {
    CHECK(outcome([] { detail::parse_json(nested(32)); }) == std::make_pair(std::string(), std::string()));
    CHECK(outcome([] { detail::parse_json(nested(33)); }) == std::make_pair(std::string("limit_exceeded"), zeros_path(32)));
    // In a person record the parser accepts 32 levels (the field is then unknown).
    CHECK(outcome(read_person(person_with(R"("x":)" + nested(31)))) == std::make_pair(std::string("unknown_field"), std::string("/x")));
    CHECK(outcome(read_person(person_with(R"("x":)" + nested(32)))) ==
          std::make_pair(std::string("limit_exceeded"), "/x" + zeros_path(31)));
}

TEST_CASE("document size: each format at its limit and one byte past", "[limits]") {
    const std::string person = person_with(R"("unit":"u")");
    CHECK(outcome(read_person(padded(person, detail::person_limits.max_bytes))).first.empty());
    CHECK(outcome(read_person(padded(person, detail::person_limits.max_bytes + 1))) ==
          std::make_pair(std::string("limit_exceeded"), std::string()));

    const std::string program = gr().to_json();
    CHECK(outcome([&] { Program::from_json(padded(program, detail::program_limits.max_bytes)); }).first.empty());
    CHECK(outcome([&] { Program::from_json(padded(program, detail::program_limits.max_bytes + 1)); }) ==
          std::make_pair(std::string("limit_exceeded"), std::string()));

    const std::string overlay = overlay_text("u1");
    CHECK(outcome([&] { gr().with_overlay(padded(overlay, detail::overlay_limits.max_bytes)); }).first.empty());
    CHECK(outcome([&] { gr().with_overlay(padded(overlay, detail::overlay_limits.max_bytes + 1)); }) ==
          std::make_pair(std::string("limit_exceeded"), std::string()));

    const std::string trusted = R"({"issuers":[]})";
    CHECK(outcome([&] { trusted_issuers_from_json(padded(trusted, detail::trusted_issuers_limits.max_bytes)); }).first.empty());
    CHECK(outcome([&] { trusted_issuers_from_json(padded(trusted, detail::trusted_issuers_limits.max_bytes + 1)); }) ==
          std::make_pair(std::string("limit_exceeded"), std::string()));
}

TEST_CASE("string length: 4096 bytes are read, 4097 are not; keys too", "[limits]") {
    const std::size_t n = detail::person_limits.max_string_bytes;
    CHECK(outcome(read_person(person_with(R"("unit":")" + std::string(n, 'u') + "\""))).first.empty());
    CHECK(outcome(read_person(person_with(R"("unit":")" + std::string(n + 1, 'u') + "\""))) ==
          std::make_pair(std::string("limit_exceeded"), std::string("/unit")));
    // UTF-8 counts in bytes: 2048 two-byte letters are 4096 bytes.
    std::string two_byte;
    for (std::size_t i = 0; i < n / 2; ++i) two_byte += "\xc3\xa5";
    CHECK(outcome(read_person(person_with(R"("unit":")" + two_byte + "\""))).first.empty());
    CHECK(outcome(read_person(person_with(R"("unit":")" + two_byte + "x\""))).first == "limit_exceeded");
    // A key too long to be a field name is not repeated in the path.
    CHECK(outcome(read_person(person_with("\"" + std::string(n, 'k') + "\":1"))) ==
          std::make_pair(std::string("unknown_field"), std::string()));
    CHECK(outcome(read_person(person_with("\"" + std::string(n + 1, 'k') + "\":1"))) ==
          std::make_pair(std::string("limit_exceeded"), std::string()));
}

TEST_CASE("array items and object members: 10,000 are read, 10,001 are not", "[limits]") {
    const std::size_t n = detail::person_limits.max_items;
    auto events = [](std::size_t count) {
        std::string a = "[";
        for (std::size_t i = 0; i < count; ++i)
            a += std::string(i ? "," : "") + R"({"type":"item_done","item":"nycklar","date":"2026-01-13"})";
        return a + "]";
    };
    CHECK(outcome([&] { evaluate(gr(), PersonRecord::from_json(person_with(R"("events":)" + events(n))), d("2026-11-22")); })
              .first.empty());
    CHECK(outcome(read_person(person_with(R"("events":)" + events(n + 1)))) ==
          std::make_pair(std::string("limit_exceeded"), std::string("/events")));

    auto assignments = [](std::size_t count) {
        std::string o = "{";
        for (std::size_t i = 0; i < count; ++i) o += std::string(i ? "," : "") + "\"item-" + std::to_string(i) + "\":[\"EC\"]";
        return o + "}";
    };
    CHECK(outcome(read_person(person_with(R"("plan":{"assignments":)" + assignments(n) + "}"))).first.empty());
    CHECK(outcome(read_person(person_with(R"("plan":{"assignments":)" + assignments(n + 1) + "}"))) ==
          std::make_pair(std::string("limit_exceeded"), std::string("/plan/assignments")));

    // A trusted-issuer list holds at most 1,000 issuers.
    auto issuers = [](std::size_t count) {
        std::string a = R"({"issuers":[)";
        for (std::size_t i = 0; i < count; ++i) a += std::string(i ? "," : "") + R"({"id":"https://i.example/)" + std::to_string(i) + R"(","keys":[]})";
        return a + "]}";
    };
    CHECK(outcome([&] { trusted_issuers_from_json(issuers(detail::trusted_issuers_limits.max_items)); }).first.empty());
    CHECK(outcome([&] { trusted_issuers_from_json(issuers(detail::trusted_issuers_limits.max_items + 1)); }) ==
          std::make_pair(std::string("limit_exceeded"), std::string("/issuers")));
}

TEST_CASE("values per document: a person record holds at most 100,000", "[limits]") {
    // The root, ten arrays and their zeros: 1 + 10 + items = limit exactly.
    const std::size_t limit = detail::person_limits.max_values;
    auto doc = [](std::size_t items) {
        std::string o = "{";
        for (int a = 0; a < 10; ++a) {
            const std::size_t count = items / 10 + (static_cast<std::size_t>(a) < items % 10 ? 1 : 0);
            o += std::string(a ? "," : "") + "\"x" + std::to_string(a) + "\":[";
            for (std::size_t i = 0; i < count; ++i) o += i ? ",0" : "0";
            o += "]";
        }
        return o + "}";
    };
    // The parser accepts it (the fields are unknown to the format).
    CHECK(outcome(read_person(doc(limit - 11))).first == "unknown_field");
    CHECK(outcome(read_person(doc(limit - 10))) == std::make_pair(std::string("limit_exceeded"), std::string()));
}

TEST_CASE("integers: the field's range, 64 bits, doubles, -0 and 1.0", "[limits]") {
    auto months = [](const std::string& literal) {
        return outcome(read_person(person_with(R"("prior_experience_months":)" + literal)));
    };
    const std::string path = "/prior_experience_months";
    using P = std::pair<std::string, std::string>;
    CHECK(months("0") == P{});
    CHECK(months("600") == P{});
    CHECK(months("601") == P{"invalid_value", path});
    CHECK(months("-1") == P{"invalid_value", path});
    CHECK(months("9223372036854775807") == P{"invalid_value", path});
    CHECK(months("9223372036854775808") == P{"invalid_value", path});   // read as unsigned
    CHECK(months("18446744073709551615") == P{"invalid_value", path});
    CHECK(months("-9223372036854775808") == P{"invalid_value", path});
    CHECK(months("18446744073709551616") == P{"limit_exceeded", path});  // beyond 64 bits
    CHECK(months("-9223372036854775809") == P{"limit_exceeded", path});
    CHECK(months("100000000000000000000000000000") == P{"limit_exceeded", path});
    CHECK(months("1e400") == P{"limit_exceeded", path});  // beyond a double
    CHECK(months("-1e400") == P{"limit_exceeded", path});
    CHECK(months("1.0") == P{"wrong_type", path});
    CHECK(months("1e2") == P{"wrong_type", path});
    CHECK(months("1E-400") == P{"wrong_type", path});
    CHECK(months("-0") == P{"wrong_type", path});
    CHECK(months("-0.0") == P{"wrong_type", path});
    CHECK(months("\"12\"") == P{"wrong_type", path});
    // "-0" inside strings does not shift which number is -0.
    CHECK(outcome(read_person(person_with(R"("unit":"a\"-0-0","prior_experience_months":0,"mentor":{"id":"m-0","municipality":"ale","profession_start":"2020-01-01","prior_experience_months":-0})")))
          == P{"wrong_type", "/mentor/prior_experience_months"});
    // Program ranges: format 1 only, phase months up to 1200.
    json def = json::parse(gr().to_json());
    def["format"] = 2;
    CHECK(outcome([&] { Program::from_json(def.dump()); }) == P{"invalid_value", "/format"});
    def["format"] = 1.0;
    CHECK(outcome([&] { Program::from_json(def.dump()); }) == P{"wrong_type", "/format"});
}

TEST_CASE("overlays: 16 on one program, not 17; and not past the program's limits", "[limits]") {
    std::vector<std::string> overlays;
    for (std::size_t i = 0; i < detail::max_overlays; ++i) overlays.push_back(overlay_text("u" + std::to_string(i)));
    const Program sixteen = gr().with_overlays(overlays);
    CHECK(sixteen.layers().size() == detail::max_overlays);
    CHECK(outcome([&] { sixteen.with_overlay(overlay_text("u16")); }) == std::make_pair(std::string("limit_exceeded"), std::string()));

    // A section may hold 10,000 items once overlays are applied, so that
    // the program's own JSON loads again.
    const json def = json::parse(gr().to_json());
    const std::string checklist = def["checklists"][0]["id"];
    const json& section = def["checklists"][0]["sections"].back();
    const std::size_t present = section["items"].size();
    auto adding = [&](std::size_t count) {
        json o = json::parse(overlay_text("big", "municipality"));
        o["add_items"] = json::array();
        for (std::size_t i = 0; i < count; ++i)
            o["add_items"].push_back({{"checklist", checklist}, {"section", section["id"]}, {"id", "extra-" + std::to_string(i)}, {"label", "x"}});
        return o.dump();
    };
    const std::size_t room = detail::program_limits.max_items - present;
    Program full = gr().with_overlay(adding(room));
    CHECK(Program::from_json(full.to_json()).items().size() == full.items().size());
    const auto [code, where] = outcome([&] { gr().with_overlay(adding(room + 1)); });
    CHECK(code == "limit_exceeded");
    CHECK(where.empty());
}

TEST_CASE("paths never repeat a key that is not shaped like a field name", "[limits][personal-data]") {
    using P = std::pair<std::string, std::string>;
    CHECK(outcome(read_person(person_with(R"("employmnet_start":"2026-01-12")"))) == P{"unknown_field", "/employmnet_start"});
    for (const char* key : {"Astrid Canarysdotter", "191212121212", "19121212-1212", "astrid.c@example.se", "Åsa", "x 1"}) {
        INFO(key);
        CHECK(outcome(read_person(person_with(json(key).dump() + ":1"))) == P{"unknown_field", ""});
        CHECK(outcome(read_person(person_with(R"("people":{)" + json(key).dump() + R"(:"p-2"})"))) == P{"unknown_field", "/people"});
        CHECK(outcome(read_person(person_with(R"("plan":{"assignments":{)" + json(key).dump() + R"(:["XX"]}})"))).second == "/plan/assignments");
        // Errors the reader finds inside such a member stop at its parent too.
        CHECK(outcome(read_person(person_with(R"("leaves":[{)" + json(key).dump() + R"(:1e999}])"))) == P{"limit_exceeded", "/leaves/0"});
        CHECK(outcome(read_person(person_with(R"("leaves":[{)" + json(key).dump() + R"(:[)" + nested(31) + "]}]"))) ==
              P{"limit_exceeded", "/leaves/0"});
    }
    // Duplicate keys are reported at the object that has them.
    CHECK(outcome(read_person(person_with(R"("leaves":[{"from":"2026-03-01","from":"2026-03-02"}])"))) == P{"parse_error", "/leaves/0"});
    // A misspelling is named, with the field meant.
    try {
        PersonRecord::from_json(person_with(R"("Employment_start":"2026-01-12")"));
        FAIL("accepted an unknown field");
    } catch (const Error& e) {
        CHECK(e.path().empty());
        CHECK_THAT(e.message(), Catch::Contains("did you mean 'employment_start'?"));
        CHECK_THAT(e.message(), !Catch::Contains("Employment_start"));
    }
}

TEST_CASE("a document is released leaf first, deep or wide", "[limits]") {
    json doc = detail::parse_json(nested(32));
    detail::release(doc);
    CHECK(doc.empty());
    doc = json::parse(R"({"a":[1,{"b":[[],{"c":"x"}]},"y"],"d":{},"e":{"f":{"g":[0]}}})");
    detail::release(doc);
    CHECK(doc == json::object());
    const detail::Document held(detail::parse_json(R"([{"a":[1,2]},[3]])"));
    CHECK(held.get().size() == 2);
}
