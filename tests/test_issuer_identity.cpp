// The issuer bound to its key through a DID (did:web with the did.json the
// library writes, did:key), the trusted-issuer list taking DIDs and DID
// documents, and proof sets: every proof must hold.
#include <catch2/catch.hpp>

#include <array>

#include "credential_format.hpp"
#include "data_integrity.hpp"
#include "jcs.hpp"
#include "signing_key_secret.hpp"
#include "support.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;
namespace detail = yrkesresan::detail;
using detail::JsonValue;

namespace {

Certificate completed_course() {
    json p = newcomer();
    json events = json::array();
    const char* dates[] = {"2026-05-20", "2026-06-03", "2026-06-17", "2026-08-19",
                           "2026-09-02", "2026-09-16", "2026-09-30", "2026-10-07"};
    for (int m = 0; m < 8; ++m)
        events.push_back({{"type", "module_attended"}, {"module", "m" + std::to_string(m + 1)}, {"date", dates[m]}});
    for (const char* m : {"m1", "m2", "m3", "m5", "m7"})
        events.push_back({{"type", "homework_submitted"}, {"module", m}, {"date", "2026-10-07"}});
    p["events"] = events;
    return issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2026-11-01"), "introduktionsprogram");
}

SigningKey key_from(std::uint8_t first) {
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(first + i);
    return SigningKey::from_seed(seed.data(), seed.size());
}

const SigningKey ale_key = key_from(0x11);
const IssuerProfile ale{"did:web:www.ale.se", "Ale kommun", "https://www.ale.se", ""};
const VerifyOptions later{"2026-11-22T10:00:00Z"};

VerifyStatus status(const std::string& vc, const std::vector<TrustedIssuer>& trusted) {
    const auto fast = verify_credential(vc, trusted, later);
    // The general path (any JSON text) answers the same.
    CHECK(detail::verify_credential_general(vc, trusted, later).status == fast.status);
    return fast.status;
}

}  // namespace

TEST_CASE("did:web from a municipality's URL, and where its did.json is published", "[credential][did]") {
    CHECK(did_web_from_url("https://www.ale.se") == "did:web:www.ale.se");
    CHECK(did_web_from_url("https://www.ale.se/") == "did:web:www.ale.se");
    CHECK(did_web_from_url("https://WWW.Ale.se/socialtjansten/intyg") == "did:web:www.ale.se:socialtjansten:intyg");
    CHECK(did_web_from_url("https://localhost:8443/x") == "did:web:localhost%3A8443:x");
    CHECK(did_web_document_url("did:web:www.ale.se") == "https://www.ale.se/.well-known/did.json");
    CHECK(did_web_document_url("did:web:www.ale.se:socialtjansten:intyg") == "https://www.ale.se/socialtjansten/intyg/did.json");
    CHECK(did_web_document_url("did:web:localhost%3A8443:x") == "https://localhost:8443/x/did.json");
    for (const char* bad : {"http://www.ale.se", "https://", "https://user@ale.se", "https://ale.se/?q=1", "https://ale.se/a b",
                            "https://ale.se/.well-known/did.json", "https://ale.se:x", "ale.se"}) {
        INFO(bad);
        CHECK(expect_error([&] { did_web_from_url(bad); }).code() == ErrorCode::invalid_value);
    }
    CHECK(expect_error([] { did_web_document_url("did:key:z6Mk"); }).code() == ErrorCode::invalid_value);
}

TEST_CASE("the DID document an issuer publishes names its keys as assertion methods", "[credential][did]") {
    const SigningKey next = key_from(0x31);
    const json doc = json::parse(did_document("did:web:www.ale.se", {ale_key.public_key_multibase(), next.public_key_multibase()}));
    CHECK(doc["@context"] == json::array({"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"}));
    CHECK(doc["id"] == "did:web:www.ale.se");
    CHECK(doc["assertionMethod"] == json::array({"did:web:www.ale.se#key-1", "did:web:www.ale.se#key-2"}));
    CHECK(doc["verificationMethod"][0] == json({{"id", "did:web:www.ale.se#key-1"},
                                                {"type", "Multikey"},
                                                {"controller", "did:web:www.ale.se"},
                                                {"publicKeyMultibase", ale_key.public_key_multibase()}}));
    // Read back by a receiver: the issuer with both keys, named by their methods.
    const TrustedIssuer t = trusted_issuer_from_did_document(doc.dump(), "Ale kommun");
    CHECK(t.id == "did:web:www.ale.se");
    CHECK(t.name == "Ale kommun");
    REQUIRE(t.keys.size() == 2);
    CHECK(t.keys[1].public_key_multibase == next.public_key_multibase());
    CHECK(t.keys[1].verification_method == "did:web:www.ale.se#key-2");

    // did:key: the one key, under its own fragment.
    const json dk = json::parse(did_document(ale_key.did_key(), {ale_key.public_key_multibase()}));
    CHECK(dk["assertionMethod"] == json::array({ale_key.did_key_verification_method()}));
    CHECK(expect_error([&] { did_document(ale_key.did_key(), {next.public_key_multibase()}); }).code() == ErrorCode::invalid_value);
    CHECK(expect_error([] { did_document("did:web:www.ale.se", {}); }).code() == ErrorCode::invalid_value);
    CHECK(expect_error([] { did_document("https://www.ale.se", {"z6Mk"}); }).code() == ErrorCode::invalid_value);

    // Documents a receiver cannot use, with the path of the problem.
    json other = doc;
    other["verificationMethod"][0]["controller"] = "did:web:evil.example";
    CHECK(expect_error([&] { trusted_issuer_from_did_document(other.dump()); }).path() == "/assertionMethod/0");
    json none = doc;
    none["assertionMethod"] = json::array({"#key-9"});
    CHECK(expect_error([&] { trusted_issuer_from_did_document(none.dump()); }).path() == "/assertionMethod/0");
    json relative = doc;
    relative["assertionMethod"] = json::array({"#key-2"});
    CHECK(trusted_issuer_from_did_document(relative.dump()).keys.at(0).verification_method == "did:web:www.ale.se#key-2");
    CHECK(expect_error([] { trusted_issuer_from_did_document(R"({"id":"https://x"})"); }).path() == "/id");
}

TEST_CASE("a did:web issuer signs with its own DID's key and verifies against its DID document", "[credential][did]") {
    const std::string vc = sign_certificate(completed_course(), ale, ale_key);
    const json parsed = json::parse(vc);
    CHECK(parsed["issuer"]["id"] == "did:web:www.ale.se");
    CHECK(parsed["proof"][0]["verificationMethod"] == "did:web:www.ale.se#key-1");  // the default: the document's first key

    const std::string did_json = did_document(ale.id, {ale_key.public_key_multibase()});
    CHECK(status(vc, {trusted_issuer_from_did_document(did_json, "Ale")}) == VerifyStatus::ok);
    // The same through the JSON list, with the DID document inline.
    const auto list = trusted_issuers_from_json(R"({"issuers":[{"name":"Ale","didDocument":)" + did_json + "}]}");
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == "did:web:www.ale.se");
    CHECK(status(vc, list) == VerifyStatus::ok);

    // Another DID's document with the same key does not vouch for Ale.
    CHECK(status(vc, {trusted_issuer_from_did_document(did_document("did:web:www.lerum.se", {ale_key.public_key_multibase()}))}) ==
          VerifyStatus::unknown_issuer);
    // Ale's document has another key at #key-1 (a rotated key): the signature does not match it.
    CHECK(status(vc, {trusted_issuer_from_did_document(did_document(ale.id, {key_from(0x31).public_key_multibase()}))}) ==
          VerifyStatus::bad_signature);
    // A DID issuer's entry cannot vouch for a method outside its DID, even with the right key.
    SignOptions elsewhere;
    elsewhere.verification_method = "https://keys.example/ale#1";
    CHECK(expect_error([&] { sign_certificate(completed_course(), ale, ale_key, elsewhere); }).code() == ErrorCode::invalid_value);
    const std::vector<TrustedIssuer> by_did_key{{ale.id, "Ale", {{ale_key.public_key_multibase(), ""}}}};
    CHECK(status(vc, by_did_key) == VerifyStatus::unknown_issuer);

    // Signing with the second key of the document.
    SignOptions second;
    second.verification_method = "did:web:www.ale.se#key-2";
    const SigningKey next = key_from(0x31);
    const std::string rotated = sign_certificate(completed_course(), ale, next, second);
    const auto both = trusted_issuer_from_did_document(did_document(ale.id, {ale_key.public_key_multibase(), next.public_key_multibase()}));
    CHECK(status(rotated, {both}) == VerifyStatus::ok);
    CHECK(status(rotated, {trusted_issuer_from_did_document(did_json)}) == VerifyStatus::unknown_issuer);

    // The list's problems, with paths.
    CHECK(expect_error([&] {
              trusted_issuers_from_json(R"({"issuers":[{"id":"did:web:x.se","didDocument":)" + did_json + "}]}");
          }).path() == "/issuers/0/id");
    CHECK(expect_error([] { trusted_issuers_from_json(R"({"issuers":[{"didDocument":{"id":"did:web:x.se"}}]})"); }).path() ==
          "/issuers/0/didDocument/assertionMethod");
    CHECK(expect_error([] { trusted_issuers_from_json(R"({"issuers":[{"id":"did:web:x.se"}]})"); }).path() == "/issuers/0/keys");
}

TEST_CASE("a did:key issuer is its key: trusted by its DID alone", "[credential][did]") {
    const IssuerProfile issuer{ale_key.did_key(), "Ale kommun", "", ""};
    const std::string vc = sign_certificate(completed_course(), issuer, ale_key);
    CHECK(json::parse(vc)["proof"][0]["verificationMethod"] == ale_key.did_key_verification_method());
    const auto list = trusted_issuers_from_json(R"({"issuers":[{"id":")" + ale_key.did_key() + R"(","name":"Ale"}]})");
    CHECK(list.at(0).keys.empty());
    CHECK(status(vc, list) == VerifyStatus::ok);
    CHECK(status(vc, {}) == VerifyStatus::unknown_issuer);  // still only issuers the host trusts
    // Someone else's key cannot sign as this did:key.
    CHECK(expect_error([&] { sign_certificate(completed_course(), issuer, key_from(0x31)); }).code() == ErrorCode::invalid_value);
}

TEST_CASE("a proof set verifies when every proof holds", "[credential]") {
    // Ale and a second signature by its other key, over the same credential.
    const SigningKey next = key_from(0x31);
    const auto trusted = std::vector<TrustedIssuer>{
        trusted_issuer_from_did_document(did_document(ale.id, {ale_key.public_key_multibase(), next.public_key_multibase()}))};
    const std::string one = sign_certificate(completed_course(), ale, ale_key);
    JsonValue doc = detail::read_json_strict(one);
    JsonValue unsecured = doc;
    unsecured.erase("proof");
    JsonValue options = JsonValue::object();
    options.set("type", "DataIntegrityProof");
    options.set("cryptosuite", "eddsa-jcs-2022");
    options.set("proofPurpose", "assertionMethod");
    options.set("verificationMethod", "did:web:www.ale.se#key-2");
    options.set("created", "2026-10-08T00:00:00Z");
    const auto with_second = [&](const JsonValue& proof) {
        JsonValue set = *doc.find("proof");
        set.push_back(proof);
        JsonValue out = doc;
        out.set("proof", std::move(set));
        return detail::jcs(out);
    };
    const JsonValue second = detail::create_proof(unsecured, options, detail::secret_key_bytes(next));
    CHECK(status(with_second(second), trusted) == VerifyStatus::ok);

    // A proof without its own @context, as the library writes them, beside one with it.
    CHECK(status(with_second(detail::create_proof(unsecured, options, detail::secret_key_bytes(next), nullptr, false)), trusted) ==
          VerifyStatus::ok);
    // Dropping a proof's @context after signing breaks its signature.
    JsonValue bare = second;
    bare.erase("@context");
    CHECK(status(with_second(bare), trusted) == VerifyStatus::bad_signature);

    // The second proof by a key the issuer's document does not name: reported.
    options.set("verificationMethod", "did:web:www.ale.se#key-3");
    CHECK(status(with_second(detail::create_proof(unsecured, options, detail::secret_key_bytes(key_from(0x51)))), trusted) ==
          VerifyStatus::unknown_issuer);
    // A second proof that does not match: the whole set fails.
    options.set("verificationMethod", "did:web:www.ale.se#key-2");
    CHECK(status(with_second(detail::create_proof(unsecured, options, detail::secret_key_bytes(ale_key))), trusted) ==
          VerifyStatus::bad_signature);
    // Another suite in the set.
    JsonValue rdfc = second;
    rdfc.set("cryptosuite", "eddsa-rdfc-2022");
    CHECK(status(with_second(rdfc), trusted) == VerifyStatus::wrong_cryptosuite);
    // A chain (previousProof) is not supported: refused, not half-checked.
    JsonValue chained = second;
    chained.set("previousProof", "urn:uuid:1");
    CHECK(status(with_second(chained), trusted) == VerifyStatus::malformed);
    // A proof created later than the time of verification.
    options.set("created", "2026-12-01T00:00:00Z");
    CHECK(status(with_second(detail::create_proof(unsecured, options, detail::secret_key_bytes(next))), trusted) ==
          VerifyStatus::not_yet_valid);
}
