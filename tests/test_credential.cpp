// The intyg as a signed Open Badges 3.0 credential: its fields, verification
// with reason codes, every single-bit change rejected, the printable page.
#include <catch2/catch.hpp>

#include <array>
#include <map>

#include "canonical_view.hpp"
#include "credential_format.hpp"
#include "data_integrity.hpp"
#include "jcs.hpp"
#include "signing_key_secret.hpp"
#include "support.hpp"
#include "yrkesresan/rule_book.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;
namespace detail = yrkesresan::detail;
using detail::JsonValue;

namespace {
json attended(const char* module, const char* date) {
    return {{"type", "module_attended"}, {"module", module}, {"date", date}, {"round", "2026-1"}};
}
json homework(const char* module, const char* date) { return {{"type", "homework_submitted"}, {"module", module}, {"date", date}}; }

json course_person() {
    json p = newcomer();
    p["events"] = json::array({attended("m1", "2026-05-20"), homework("m1", "2026-05-27"), attended("m2", "2026-06-03"),
                               homework("m2", "2026-06-10"), attended("m3", "2026-06-17"), homework("m3", "2026-06-24"),
                               attended("m4", "2026-08-19"), attended("m5", "2026-09-02"), homework("m5", "2026-09-09"),
                               attended("m6", "2026-09-16"), attended("m7", "2026-09-30"), homework("m7", "2026-10-05"),
                               attended("m8", "2026-10-07")});
    return p;
}

Certificate course_certificate() {
    return issue_certificate(gr(), PersonRecord::from_json(course_person().dump()), d("2026-11-01"), "introduktionsprogram");
}

// A fixed key, so that the credential's bytes are the same in every run.
SigningKey test_key() {
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(0x40 + i);
    return SigningKey::from_seed(seed.data(), seed.size());
}

IssuerProfile kungalv() { return {"https://www.kungalv.se/socialtjansten", "Kungälvs kommun, socialtjänsten", "", ""}; }

std::vector<TrustedIssuer> trusted() {
    return {{"https://www.kungalv.se/socialtjansten", "Kungälv", {{test_key().public_key_multibase(), ""}}}};
}

VerifyOptions at(const char* now) { return VerifyOptions{now}; }
const VerifyOptions later = at("2026-11-22T10:00:00Z");

std::string signed_credential() { return sign_certificate(course_certificate(), kungalv(), test_key()); }
}  // namespace

TEST_CASE("the certificate becomes an OpenBadgeCredential with the fields 1EdTech requires", "[R8][credential]") {
    const Certificate cert = course_certificate();
    const json vc = json::parse(open_badge_credential(cert, kungalv()));
    REQUIRE(vc["@context"].size() == 3);
    CHECK(vc["@context"][0] == "https://www.w3.org/ns/credentials/v2");
    CHECK(vc["@context"][1] == "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    // The library's own terms, inline: every key of the content has an IRI.
    const json& terms = vc["@context"][2]["yrkesresanIntyg"];
    CHECK(terms["@id"] == "urn:yrkesresan:terms:intyg");
    std::vector<std::string> keys;
    const std::function<void(const json&)> collect = [&](const json& v) {
        if (v.is_object())
            for (const auto& [k, x] : v.items()) {
                keys.push_back(k);
                collect(x);
            }
        else if (v.is_array())
            for (const auto& x : v) collect(x);
    };
    collect(vc["yrkesresanIntyg"]);
    for (const auto& k : keys) {
        INFO(k);
        CHECK(terms["@context"].contains(k));
    }
    CHECK(detail::canonicalize(std::string(detail::certificate_context)) == detail::certificate_context);
    CHECK(vc["type"] == json::array({"VerifiableCredential", "OpenBadgeCredential"}));
    CHECK(vc["id"] == cert.id);
    CHECK(vc["issuer"] == json({{"id", "https://www.kungalv.se/socialtjansten"},
                                {"type", json::array({"Profile"})},
                                {"name", "Kungälvs kommun, socialtjänsten"}}));
    CHECK(vc["validFrom"] == "2026-10-07T00:00:00Z");  // the completion date
    CHECK(vc["name"] == cert.component_label);
    CHECK(cert.component_label == "Introduktionsprogram för socialsekreterare, barn och unga");
    const json& subject = vc["credentialSubject"];
    CHECK(subject["type"] == json::array({"AchievementSubject"}));
    CHECK(subject["identifier"] == json::array({{{"type", "IdentityObject"},
                                                 {"hashed", false},
                                                 {"identityHash", "p-0001"},
                                                 {"identityType", "identifier"}}}));
    const json& achievement = subject["achievement"];
    CHECK(achievement["id"] == "urn:yrkesresan:achievement:gr-barn-unga:2015.2:introduktionsprogram");
    CHECK(achievement["type"] == json::array({"Achievement"}));
    CHECK(achievement["name"] == cert.component_label);
    CHECK(achievement["description"].get<std::string>().find("De första åren som socialsekreterare") != std::string::npos);
    CHECK(achievement["criteria"]["narrative"] == "\u201DIntyg utfärdas efter genomgånget program\u201D (källa 001, s. 30)");
    REQUIRE(vc["evidence"].size() == 8);
    CHECK(vc["evidence"][0] == json({{"type", json::array({"Evidence"})},
                                     {"name", "Modul 1"},
                                     {"description", "Deltog 2026-05-20; hemuppgift inlämnad 2026-05-27; omgång 2026-1"}}));
    // R8's content, as Certificate::content_json has it: program and version,
    // component, completion date, parts with dates, hours, issuer, language.
    CHECK(detail::jcs(detail::from_nlohmann(vc["yrkesresanIntyg"])) == canonicalize_json(cert.content_json()));
    CHECK(vc["yrkesresanIntyg"]["hours"] == 48);
    CHECK(vc["yrkesresanIntyg"]["language"] == "sv");
    CHECK(vc.find("proof") == vc.end());
}

TEST_CASE("signing is deterministic and yields canonical JSON with an eddsa-jcs-2022 proof", "[R8][credential]") {
    const std::string a = signed_credential();
    CHECK(a == signed_credential());
    CHECK(canonicalize_json(a) == a);
    const json vc = json::parse(a);
    REQUIRE(vc["proof"].is_array());  // a proof set of one, as OB 3.0's JSON Schema asks
    REQUIRE(vc["proof"].size() == 1);
    const json& proof = vc["proof"][0];
    CHECK(proof["type"] == "DataIntegrityProof");
    CHECK(proof["cryptosuite"] == "eddsa-jcs-2022");
    CHECK(proof["proofPurpose"] == "assertionMethod");
    CHECK(proof["verificationMethod"] == test_key().did_key_verification_method());
    CHECK(proof["created"] == "2026-10-07T00:00:00Z");
    CHECK(proof.find("@context") == proof.end());  // optional; the document's is signed with the document
    CHECK(proof["proofValue"].get<std::string>().rfind('z', 0) == 0);
    // The secret never appears in what is signed or returned.
    CHECK(a.find(test_key().private_key_multibase()) == std::string::npos);

    SignOptions when;
    when.valid_from = "2026-11-02T09:30:00+01:00";
    const json timed = json::parse(sign_certificate(course_certificate(), kungalv(), test_key(), when));
    CHECK(timed["validFrom"] == "2026-11-02T09:30:00+01:00");
    CHECK(timed["proof"][0]["created"] == "2026-11-02T09:30:00+01:00");
}

TEST_CASE("signing refuses a missing issuer and malformed times", "[credential]") {
    CHECK(expect_error([] { sign_certificate(course_certificate(), {"", "Kungälv", "", ""}, test_key()); }).code() ==
          ErrorCode::invalid_value);
    CHECK(expect_error([] { sign_certificate(course_certificate(), {"kungalv", "Kungälv", "", ""}, test_key()); }).code() ==
          ErrorCode::invalid_value);
    CHECK(expect_error([] { sign_certificate(course_certificate(), {"https://x.example", "", "", ""}, test_key()); }).code() ==
          ErrorCode::invalid_value);
    SignOptions bad;
    bad.valid_from = "2026-11-02";  // no time of day, no zone
    CHECK(expect_error([&] { sign_certificate(course_certificate(), kungalv(), test_key(), bad); }).code() ==
          ErrorCode::invalid_value);
    const Error e = expect_error([] { SigningKey::from_multibase("z3u2-not-a-key"); });
    CHECK(std::string(e.what()).find("not-a-key") == std::string::npos);  // never quotes a key
}

TEST_CASE("a signed certificate verifies against the trusted issuers", "[R8][credential]") {
    const Certificate cert = course_certificate();
    const VerificationResult r = verify_credential(signed_credential(), trusted(), later);
    CHECK(r.status == VerifyStatus::ok);
    CHECK(r.ok());
    CHECK(r.credential_id == cert.id);
    CHECK(r.issuer_id == "https://www.kungalv.se/socialtjansten");
    CHECK(r.issuer_name == "Kungälvs kommun, socialtjänsten");
    CHECK(r.valid_from == "2026-10-07T00:00:00Z");
    CHECK(r.content_json == canonicalize_json(cert.content_json()));
    const json doc = json::parse(r.to_json());
    CHECK(doc["status"] == "ok");
    CHECK(doc["content"]["completed_on"] == "2026-10-07");
    // Whitespace and key order are not part of what is signed.
    CHECK(verify_credential(json::parse(signed_credential()).dump(2), trusted(), later).ok());
}

TEST_CASE("verification gives a reason code for each way a credential fails", "[credential]") {
    const std::string good = signed_credential();
    const auto status = [](const std::string& text, const std::vector<TrustedIssuer>& list = trusted(),
                           const VerifyOptions& when = later) { return verify_credential(text, list, when).status; };
    const auto edited = [&](const std::function<void(json&)>& edit) {
        json vc = json::parse(good);
        edit(vc);
        return vc.dump();
    };

    CHECK(status("not json") == VerifyStatus::malformed);
    CHECK(status("{}") == VerifyStatus::malformed);
    CHECK(status(edited([](json& vc) { vc.erase("validFrom"); })) == VerifyStatus::malformed);
    CHECK(status(edited([](json& vc) { vc["credentialSubject"].erase("achievement"); })) == VerifyStatus::malformed);
    CHECK(status(edited([](json& vc) { vc["proof"] = vc["proof"][0]; })) == VerifyStatus::ok);  // one proof, not a set
    CHECK(status(edited([](json& vc) { vc["proof"] = json::array(); })) == VerifyStatus::malformed);
    CHECK(status(edited([](json& vc) { vc["proof"] = json::array({1}); })) == VerifyStatus::malformed);
    CHECK(status(edited([](json& vc) { vc.erase("proof"); })) == VerifyStatus::malformed);
    // A duplicate key: a second "name" after the first (nlohmann would keep the last).
    std::string twice = good;
    twice.insert(1, R"("name":"Falskt intyg",)");
    CHECK(status(twice) == VerifyStatus::malformed);

    CHECK(status(edited([](json& vc) { vc["proof"][0]["cryptosuite"] = "eddsa-rdfc-2022"; })) == VerifyStatus::wrong_cryptosuite);
    CHECK(status(edited([](json& vc) { vc["proof"][0]["type"] = "Ed25519Signature2020"; })) == VerifyStatus::wrong_cryptosuite);

    CHECK(status(good, {}) == VerifyStatus::unknown_issuer);
    auto other_key = trusted();
    other_key[0].keys[0].public_key_multibase = SigningKey::generate().public_key_multibase();
    CHECK(status(good, other_key) == VerifyStatus::unknown_issuer);
    // Someone else's key, with the issuer's name written in: still not trusted.
    const SigningKey forger = SigningKey::generate();
    CHECK(status(sign_certificate(course_certificate(), kungalv(), forger)) == VerifyStatus::unknown_issuer);

    CHECK(status(edited([](json& vc) { vc["yrkesresanIntyg"]["hours"] = 80; })) == VerifyStatus::bad_signature);
    CHECK(status(edited([](json& vc) { vc["evidence"][7]["description"] = "Deltog 2026-10-08"; })) == VerifyStatus::bad_signature);
    CHECK(status(edited([](json& vc) { vc["proof"][0]["created"] = "2026-10-07T00:00:01Z"; })) == VerifyStatus::bad_signature);
    CHECK(status(edited([](json& vc) { vc["issuer"]["name"] = "Annan kommun"; })) == VerifyStatus::bad_signature);

    CHECK(status(good, trusted(), at("2026-10-06T23:59:59Z")) == VerifyStatus::not_yet_valid);
    CHECK(status(good, trusted(), at("2026-10-07T01:59:59+02:00")) == VerifyStatus::not_yet_valid);
    CHECK(status(good, trusted(), at("2026-10-07T00:00:00Z")) == VerifyStatus::ok);

    // validUntil is not issued by the library, but a credential with one that
    // has passed is expired.
    JsonValue doc = detail::read_json_strict(open_badge_credential(course_certificate(), kungalv()));
    doc.set("validUntil", "2026-10-31T00:00:00Z");
    JsonValue options = JsonValue::object();
    options.set("type", "DataIntegrityProof");
    options.set("cryptosuite", "eddsa-jcs-2022");
    options.set("verificationMethod", test_key().did_key_verification_method());
    options.set("proofPurpose", "assertionMethod");
    const std::string until = detail::jcs(detail::add_proof(doc, options, detail::secret_key_bytes(test_key())));
    CHECK(status(until, trusted(), at("2026-10-30T00:00:00Z")) == VerifyStatus::ok);
    CHECK(status(until) == VerifyStatus::expired);

    CHECK(expect_error([&] { verify_credential(good, trusted(), at("2026-11-22")); }).code() == ErrorCode::invalid_value);
    CHECK(to_string(VerifyStatus::not_yet_valid) == "not_yet_valid");
}

TEST_CASE("a key named by the host's URL verifies only against a trusted entry with that URL", "[credential]") {
    SignOptions options;
    options.verification_method = "https://www.kungalv.se/socialtjansten/keys/2026";
    const std::string vc = sign_certificate(course_certificate(), kungalv(), test_key(), options);
    auto list = trusted();
    CHECK(verify_credential(vc, list, later).status == VerifyStatus::unknown_issuer);  // the list expects did:key
    list[0].keys[0].verification_method = options.verification_method;
    CHECK(verify_credential(vc, list, later).ok());
    CHECK(verify_credential(signed_credential(), list, later).status == VerifyStatus::unknown_issuer);
}

TEST_CASE("every single-bit change of a signed credential is rejected", "[credential]") {
    const std::string good = signed_credential();
    const auto list = trusted();
    REQUIRE(verify_credential(good, list, later).ok());
    std::map<VerifyStatus, int> reasons;
    std::size_t accepted = 0, first_accepted = 0;
    std::string flipped = good;
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            flipped[i] = static_cast<char>(good[i] ^ (1 << bit));
            const VerifyStatus s = verify_credential(flipped, list, later).status;
            ++reasons[s];
            if (s == VerifyStatus::ok && accepted++ == 0) first_accepted = i * 8 + static_cast<std::size_t>(bit);
        }
        flipped[i] = good[i];
    }
    INFO("bits: " << good.size() * 8 << ", first accepted flip at bit " << first_accepted);
    CHECK(accepted == 0);
    CHECK(reasons[VerifyStatus::bad_signature] > 0);   // payload and signature bits
    CHECK(reasons[VerifyStatus::malformed] > 0);       // broken JSON or shape
    CHECK(reasons[VerifyStatus::unknown_issuer] > 0);  // issuer id or key
}

TEST_CASE("trusted issuers read from JSON, with pointers to problems", "[credential]") {
    const auto mb = test_key().public_key_multibase();
    const auto list = trusted_issuers_from_json(R"({"issuers":[{"id":"https://www.kungalv.se/socialtjansten","name":"Kungälv",)"
                                                R"("keys":[{"publicKeyMultibase":")" + mb + R"("}]}]})");
    REQUIRE(list.size() == 1);
    CHECK(list[0].keys.at(0).public_key_multibase == mb);
    CHECK(verify_credential(signed_credential(), list, later).ok());
    const Error e = expect_error([] { trusted_issuers_from_json(R"({"issuers":[{"id":"x","keys":[{"publicKeyMultibase":"z6Mk"}]}]})"); });
    CHECK(e.path() == "/issuers/0/keys/0/publicKeyMultibase");
    CHECK(expect_error([] { trusted_issuers_from_json(R"({"issuers":[{"id":"x","keys":[],"extra":1}]})"); }).code() ==
          ErrorCode::unknown_field);
}

TEST_CASE("the printable certificate says what it attests and how to verify it, and embeds the credential", "[R8][credential]") {
    const std::string vc = signed_credential();
    const std::string html = certificate_html(vc);
    for (const char* text : {"<html lang=\"sv\">", "@media print", "<h1>Intyg</h1>", "Introduktionsprogram",
                             "De första åren som socialsekreterare", "p-0001", "Modul 8", "2026-10-07", "2026-05-27",
                             "48 timmar", "Kungälvs kommun, socialtjänsten", "Göteborgsregionens kommunalförbund (GR)",
                             "Så kontrollerar du intyget", "eddsa-jcs-2022", "did:key:z6Mk"})
        CHECK(html.find(text) != std::string::npos);
    // The embedded credential, as a verifier would take it from the page.
    const std::string open = "<script type=\"application/vc+ld+json\" id=\"intyg\">";
    const auto from = html.find(open) + open.size();
    const auto to = html.find("</script>", from);
    REQUIRE(to != std::string::npos);
    CHECK(verify_credential(html.substr(from, to - from), trusted(), later).ok());

    // Everything from the credential is escaped.
    IssuerProfile odd = kungalv();
    odd.name = "<script>alert(1)</script> & Co";
    const std::string escaped = certificate_html(sign_certificate(course_certificate(), odd, test_key()));
    CHECK(escaped.find("<script>alert") == std::string::npos);
    CHECK(escaped.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") != std::string::npos);
    CHECK(expect_error([] { certificate_html("{}"); }).code() == ErrorCode::invalid_value);
}

TEST_CASE("the fast signing path gives the bytes of the generic eddsa-jcs-2022 proof", "[credential]") {
    SignOptions options;
    options.created = "2026-11-02T08:00:00Z";
    const std::string fast = sign_certificate(course_certificate(), kungalv(), test_key(), options);
    JsonValue proof = JsonValue::object();
    proof.set("type", "DataIntegrityProof");
    proof.set("cryptosuite", "eddsa-jcs-2022");
    proof.set("created", "2026-11-02T08:00:00Z");
    proof.set("verificationMethod", test_key().did_key_verification_method());
    proof.set("proofPurpose", "assertionMethod");
    JsonValue generic = detail::read_json_strict(open_badge_credential(course_certificate(), kungalv()));
    JsonValue proofs = JsonValue::array();
    proofs.push_back(detail::create_proof(generic, proof, detail::secret_key_bytes(test_key()), nullptr, false));
    generic.set("proof", std::move(proofs));
    CHECK(detail::jcs(generic) == fast);
    // Optional issuer fields land in their places too.
    IssuerProfile full = kungalv();
    full.url = "https://www.kungalv.se";
    full.email = "socialtjansten@kungalv.se";
    const std::string vc = open_badge_credential(course_certificate(), full);
    CHECK(canonicalize_json(vc) == vc);
    CHECK(json::parse(vc)["issuer"]["email"] == "socialtjansten@kungalv.se");
}

TEST_CASE("the JCS writer refuses keys out of order", "[jcs]") {
    std::string out;
    detail::JcsWriter w(out);
    w.begin_object().member("a", 1.0);
    CHECK_THROWS_AS(w.member("a", 2.0), std::logic_error);
    std::string out2;
    detail::JcsWriter w2(out2);
    w2.begin_object().member("b", true);
    CHECK_THROWS_AS(w2.member("a", false), std::logic_error);
    std::string out3;
    detail::JcsWriter w3(out3);
    w3.begin_object().member("a", "x").key("b").begin_array().number(1).string("y").end_array().end_object();
    CHECK(out3 == R"({"a":"x","b":[1,"y"]})");
}

TEST_CASE("the fast path for canonical text answers as the general path does", "[credential]") {
    const std::string good = signed_credential();
    REQUIRE(detail::is_plain_canonical_json(good, {1u << 20, 32}));  // the fast path is the one taken
    CHECK_FALSE(detail::is_plain_canonical_json(json::parse(good).dump(1), {1u << 20, 32}));
    const auto list = trusted();
    const auto same = [&](const std::string& text) {
        const auto fast = verify_credential(text, list, later);
        const auto general = detail::verify_credential_general(text, list, later);
        return fast.status == general.status && fast.content_json == general.content_json &&
               fast.credential_id == general.credential_id && fast.issuer_id == general.issuer_id;
    };
    CHECK(same(good));
    const auto edited = [&](const std::function<void(json&)>& edit) {
        json vc = json::parse(good);
        edit(vc);
        return canonicalize_json(vc.dump());  // still canonical: the fast path
    };
    for (const std::string& text :
         {edited([](json& vc) { vc["yrkesresanIntyg"]["hours"] = 80; }), edited([](json& vc) { vc.erase("validFrom"); }),
          edited([](json& vc) { vc["proof"][0]["cryptosuite"] = "eddsa-rdfc-2022"; }),
          edited([](json& vc) { vc["proof"][0].erase("proofValue"); }), edited([](json& vc) { vc["proof"][0]["proofValue"] = "z1"; }),
          edited([](json& vc) { vc["proof"][0]["@context"] = json::array({"https://www.w3.org/ns/credentials/v2"}); }),
          edited([](json& vc) { vc["proof"][0].erase("@context"); }),
          edited([](json& vc) { vc["proof"] = json::array({vc["proof"][0], vc["proof"][0]}); }),
          edited([](json& vc) { vc["issuer"]["id"] = "https://annan.example"; }),
          edited([](json& vc) { vc["credentialSubject"]["identifier"] = json::array(); }),
          edited([](json& vc) { vc["proof"] = vc["proof"][0]; })}) {
        INFO(text.substr(0, 80));
        CHECK(detail::is_plain_canonical_json(text, {1u << 20, 32}));
        CHECK(same(text));
    }
    // Every 13th single-bit change, through both.
    std::string flipped = good;
    int differing = 0;
    for (std::size_t bit = 0; bit < good.size() * 8; bit += 13) {
        flipped[bit / 8] = static_cast<char>(good[bit / 8] ^ (1 << (bit % 8)));
        differing += same(flipped) ? 0 : 1;
        flipped[bit / 8] = good[bit / 8];
    }
    CHECK(differing == 0);
}

TEST_CASE("a program that gives no hours issues certificates that say nothing of hours", "[R8][credential]") {
    json def = json::parse(gr().to_json());
    for (auto& c : def["components"]) {
        c.erase("module_hours");
        c.erase("module_hours_source");
        c.erase("session_hours");
    }
    const Program p = Program::from_json(def.dump());
    REQUIRE_FALSE(p.components()[*p.find_component("introduktionsprogram")].as<Course>()->module_hours.has_value());
    const Certificate with = course_certificate();
    const Certificate without = issue_certificate(p, PersonRecord::from_json(course_person().dump()), d("2026-11-01"),
                                                  "introduktionsprogram");
    CHECK(with.hours == 48);
    CHECK_FALSE(without.hours.has_value());
    CHECK(json::parse(without.content_json()).count("hours") == 0);
    const json vc = json::parse(open_badge_credential(without, kungalv()));
    CHECK(vc["credentialSubject"]["achievement"]["description"].get<std::string>().find("timmar") == std::string::npos);
    const std::string page = certificate_html(sign_certificate(without, kungalv(), test_key()));
    CHECK(page.find("Omfattning") == std::string::npos);
    CHECK(certificate_html(signed_credential()).find("Omfattning: <strong>48 timmar</strong>") != std::string::npos);
    CHECK(rule_book(p, RuleBookFormat::markdown).find("8 moduler, i tur och ordning (programmet anger inga timmar)") !=
          std::string::npos);
}
