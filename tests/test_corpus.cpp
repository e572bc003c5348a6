// The bad-input corpus (tests/corpus/manifest.json) through the C++ API:
// each case's error code and JSON Pointer, its warnings or its verification
// status; no error text, path or warning message repeats a canary (a fake
// name or personnummer); JSONTestSuite through every kind. The C ABI
// (tests/capi/corpus.cpp) and Python (tests/python/test_corpus.py) run the
// same manifest.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "json_test_suite.hpp"
#include "support.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;

namespace {

const std::string corpus_dir = std::string(YR_SOURCE_DIR) + "/tests/corpus/";

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const json& manifest() {
    static const json m = json::parse(bytes_of(corpus_dir + "manifest.json"));
    return m;
}

// What one entry point made of one document.
struct Outcome {
    std::string code, path;              // the first problem, when it threw
    std::vector<std::string> warnings;   // codes, when it evaluated
    std::string status;                  // credentials
    std::vector<std::string> texts;      // every message, path and what() it produced
    std::string internal;                // anything but yrkesresan::Error
};

std::string setting(const json& c, const char* key) {
    return c.contains(key) ? c[key].get<std::string>() : manifest()["defaults"][key].get<std::string>();
}

const Program& program_named(const std::string& id) {
    static std::map<std::string, Program> programs;
    auto it = programs.find(id);
    if (it == programs.end()) it = programs.emplace(id, Program::builtin(id)).first;
    return it->second;
}

void collect(Outcome& o, const Evaluation& ev) {
    for (const auto& w : ev.warnings) {
        o.warnings.push_back(w.code);
        o.texts.push_back(w.message);
    }
}

Outcome run(const std::string& kind, const std::string& text, const json& c) {
    Outcome o;
    try {
        const Program& program = program_named(setting(c, "program"));
        const Date as_of = d(setting(c, "as_of"));
        if (kind == "program") {
            Program::from_json(text);
        } else if (kind == "overlay") {
            program.with_overlay(text);
        } else if (kind == "person") {
            const PersonRecord person = PersonRecord::from_json(text);
            for (Language lang : {Language::sv, Language::en}) collect(o, evaluate(program, person, as_of, {lang}));
        } else if (kind == "issue") {
            issue_certificate(program, PersonRecord::from_json(text), as_of, c.value("component", ""));
        } else if (kind == "coordination") {
            coordinate(program, CoordinationRequest::from_json(text));
        } else if (kind == "credential") {
            const auto trusted = trusted_issuers_from_json(bytes_of(corpus_dir + setting(c, "trusted")));
            const VerificationResult r = verify_credential(text, trusted, {setting(c, "now")});
            o.status = std::string(to_string(r.status));
            o.texts.push_back(r.message);
        } else {
            FAIL("unknown kind " << kind);
        }
    } catch (const Error& e) {
        o.code = std::string(to_string(e.code()));
        o.path = e.path();
        o.texts.push_back(e.what());
        for (const auto& p : e.problems()) {
            o.texts.push_back(p.path);
            o.texts.push_back(p.message);
        }
    } catch (const std::exception& e) {
        o.internal = e.what();
    }
    return o;
}

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string digits(const std::string& s) {
    std::string out;
    for (char ch : s)
        if (ch >= '0' && ch <= '9') out += ch;
    return out;
}

// The text that repeats a canary, or "".
std::string leak(const Outcome& o) {
    for (const auto& text : o.texts) {
        for (const auto& canary : manifest()["canaries"])
            if (lower(text).find(lower(canary.get<std::string>())) != std::string::npos) return text;
        if (digits(text).find(manifest()["canary_digits"].get<std::string>()) != std::string::npos) return text;
    }
    return "";
}

bool contains(const json& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

TEST_CASE("the bad-input corpus: each case's code and path, warnings or status; no canary repeated", "[corpus][personal-data]") {
    std::map<std::string, int> per_kind;
    for (const json& c : manifest()["cases"]) {
        const std::string file = c["file"], kind = c["kind"];
        INFO(file);
        const Outcome o = run(kind, bytes_of(corpus_dir + file), c);
        ++per_kind[kind];
        CHECK(o.internal.empty());
        const json& expect = c["expect"];
        if (expect.contains("code")) {
            CHECK(o.code == expect["code"].get<std::string>());
            CHECK(o.path == expect["path"].get<std::string>());
        } else if (expect.contains("warnings")) {
            CHECK(o.code.empty());
            for (const auto& w : expect["warnings"])
                CHECK(std::count(o.warnings.begin(), o.warnings.end(), w.get<std::string>()) > 0);
        } else {
            CHECK(o.code.empty());
            CHECK(o.status == expect["status"].get<std::string>());
        }
        CHECK(leak(o).empty());
    }
    // The corpus covers every kind of input.
    for (const char* kind : {"program", "overlay", "person", "credential", "issue", "coordination"}) CHECK(per_kind[kind] > 0);
    CHECK(manifest()["cases"].size() >= 300);
}

TEST_CASE("JSONTestSuite through every kind: n_ rejected by the parser, y_ accepted by it, i_ typed", "[corpus]") {
    const json& rule = manifest()["json_test_suite"];
    const auto suite = json_test_suite();
    REQUIRE(suite.size() == 318);
    for (const std::string kind : rule["kinds"]) {
        for (const auto& t : suite) {
            INFO(kind << " " << t.name);
            const Outcome o = run(kind, t.text, json::object());
            CHECK(o.internal.empty());
            if (kind == "credential") {
                CHECK(o.status == "malformed");
                continue;
            }
            if (t.verdict() == 'n') {
                CHECK(o.code == (contains(rule["n_deeper_than_limit"], t.name) ? "limit_exceeded" : "parse_error"));
            } else if (t.verdict() == 'y' && contains(rule["y_duplicate_keys"], t.name)) {
                CHECK(o.code == "parse_error");
            } else if (t.verdict() == 'y') {
                CHECK(o.code != "parse_error");
                CHECK(o.code != "limit_exceeded");
            }
            // Every i_ ends in a typed error or none: checked by o.internal.
        }
    }
}

TEST_CASE("the canary check finds a canary however it is written", "[corpus][personal-data]") {
    for (const char* text : {"astrid canarysdotter", "ASTRID CANARYSDOTTER at /x", "19121212-1212", "/people/121212-1212",
                             "no 1212 1212 12 here"}) {
        Outcome o;
        o.texts.push_back(text);
        CHECK_FALSE(leak(o).empty());
    }
    Outcome clean;
    clean.texts = {"/events/12/date", "integer outside 0..600", "Astrid", "1912-12-12"};
    CHECK(leak(clean).empty());
}
