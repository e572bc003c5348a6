// Personal-data canaries (docs/limits.md): person records carrying a
// fake name and personnummer in every string, number and key
// (tests/canary_sweep.hpp) go through every path that reports a problem:
// reading, evaluation (errors; warnings, reasons and missing requirements in
// both languages), certificate issue, a coordination request holding them,
// and a signed credential verified against the wrong issuers. No exception
// text, path or finding message may repeat a canary.
#include <catch2/catch.hpp>

#include "canary_sweep.hpp"
#include "support.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;

namespace {

const CanarySweep& sweep() {
    static const CanarySweep s(std::string(YR_SOURCE_DIR) + "/tests/corpus/");
    return s;
}

struct Texts {
    std::vector<std::string> all;
    int errors = 0, evaluations = 0;

    void error(const Error& e) {
        ++errors;
        all.push_back(e.what());
        for (const auto& p : e.problems()) {
            all.push_back(p.path);
            all.push_back(p.message);
        }
    }
    void findings(const std::vector<Finding>& fs) {
        for (const auto& f : fs) all.push_back(f.message);
    }
    void evaluation(const Evaluation& ev) {
        ++evaluations;
        findings(ev.warnings);
        for (const auto& c : ev.components) findings(c.reasons);
        for (const auto& m : ev.modules) findings(m.missing);
        for (const auto& c : ev.certificates) findings(c.missing);
    }
    std::string leaked() const {
        for (const auto& t : all)
            if (sweep().repeats(t)) return t;
        return "";
    }
};

template <class F>
void attempt(Texts& texts, F&& f) {
    try {
        f();
    } catch (const Error& e) {
        texts.error(e);
    }
}

}  // namespace

TEST_CASE("no error, warning or finding repeats a canary placed anywhere in a person record", "[personal-data]") {
    const auto& documents = sweep().documents();
    REQUIRE(documents.size() > 300);
    const Date as_of = d(sweep().spec()["as_of"].get<std::string>());
    Texts texts;
    for (const auto& doc : documents) {
        INFO(doc);
        Texts one;
        attempt(one, [&] {
            const PersonRecord person = PersonRecord::from_json(doc);
            for (Language lang : {Language::sv, Language::en}) one.evaluation(evaluate(gr(), person, as_of, {lang}));
            for (const char* component : {"introduktionsprogram", "handledning"})
                attempt(one, [&] { issue_certificate(gr(), person, as_of, component); });
        });
        attempt(one, [&] {
            const json request = {{"as_of", sweep().spec()["as_of"]},
                                  {"term", sweep().spec()["term"]},
                                  {"persons", json::array({json::parse(doc)})}};
            coordinate(gr(), CoordinationRequest::from_json(request.dump()));
        });
        CHECK(one.leaked().empty());
        texts.errors += one.errors;
        texts.evaluations += one.evaluations;
    }
    // The sweep reaches both errors and evaluations that succeed.
    CHECK(texts.errors > 300);
    CHECK(texts.evaluations > 100);
}

TEST_CASE("a credential about a canary person, verified against the wrong issuers, repeats nothing", "[personal-data]") {
    json p = json::parse(read_file(std::string(YR_SOURCE_DIR) + "/tests/corpus/canary-base.json"));
    p["id"] = "Astrid Canarysdotter 19121212-1212";
    p["events"] = json::array();
    for (const char* m : {"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"})
        p["events"].push_back({{"type", "module_attended"}, {"module", m}, {"date", "2026-09-01"}, {"round", "Astrid Canarysdotter"}});
    for (const char* m : {"m1", "m2", "m3", "m5", "m7"})
        p["events"].push_back({{"type", "homework_submitted"}, {"module", m}, {"date", "2026-09-02"}});
    const Certificate cert = issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2026-11-01"), "introduktionsprogram");
    const std::uint8_t seed[32] = {7};
    const SigningKey key = SigningKey::from_seed(seed, sizeof seed);
    const std::string vc = sign_certificate(cert, {"https://www.kungalv.se/socialtjansten", "Astrid Canarysdotter", "", ""}, key);
    REQUIRE(sweep().repeats(vc));  // the credential carries the person's id: it is the subject
    Texts texts;
    for (const auto& trusted : {std::vector<TrustedIssuer>{}, std::vector<TrustedIssuer>{{"https://www.kungalv.se/socialtjansten", "x", {}}}}) {
        texts.all.push_back(verify_credential(vc, trusted, {"2026-11-22T10:00:00Z"}).message);
        std::string broken = vc;
        broken[broken.find("Canarysdotter")] = 'K';
        texts.all.push_back(verify_credential(broken, trusted, {"2026-11-22T10:00:00Z"}).message);
    }
    CHECK(texts.leaked().empty());
}
