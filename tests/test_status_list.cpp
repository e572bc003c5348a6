// Revocation with W3C Bitstring Status List v1.0: the issuer's list, an
// issued credential's entry, revoking it, and the verifier answering revoked
// or status_unavailable from the lists the host holds.
#include <catch2/catch.hpp>

#include <array>

#include "credential_format.hpp"
#include "support.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;
namespace detail = yrkesresan::detail;

namespace {

Certificate finished() {
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

SigningKey ale_key() {
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(0x21 + i);
    return SigningKey::from_seed(seed.data(), seed.size());
}

const IssuerProfile ale{"did:web:www.ale.se", "Ale kommun", "", ""};
const std::string list_url = "https://www.ale.se/intyg/status/1";

std::vector<TrustedIssuer> trusted() {
    return {trusted_issuer_from_did_document(did_document(ale.id, {ale_key().public_key_multibase()}), "Ale")};
}

VerificationResult check(const std::string& vc, std::vector<std::string> lists, const char* now = "2026-11-22T10:00:00Z") {
    VerifyOptions options{now, std::move(lists)};
    const auto fast = verify_credential(vc, trusted(), options);
    CHECK(detail::verify_credential_general(vc, trusted(), options).status == fast.status);
    return fast;
}

std::string issued(std::uint64_t index) {
    SignOptions options;
    options.status_list = list_url;
    options.status_list_index = index;
    return sign_certificate(finished(), ale, ale_key(), options);
}

}  // namespace

TEST_CASE("an issued credential names its entry in the issuer's status list", "[credential][status]") {
    const json vc = json::parse(issued(94567));
    CHECK(vc["credentialStatus"] == json({{"id", list_url + "#94567"},
                                          {"type", "BitstringStatusListEntry"},
                                          {"statusPurpose", "revocation"},
                                          {"statusListIndex", "94567"},
                                          {"statusListCredential", list_url}}));
    // The list itself: a signed BitstringStatusListCredential of 131,072 entries, none set.
    const std::string list = create_status_list(list_url, ale, ale_key(), "2026-11-01T08:00:00Z");
    const json l = json::parse(list);
    CHECK(l["type"] == json::array({"VerifiableCredential", "BitstringStatusListCredential"}));
    CHECK(l["id"] == list_url);
    CHECK(l["issuer"]["id"] == ale.id);
    CHECK(l["credentialSubject"]["type"] == "BitstringStatusList");
    CHECK(l["credentialSubject"]["statusPurpose"] == "revocation");
    CHECK(l["credentialSubject"]["encodedList"].get<std::string>().rfind("uH4sI", 0) == 0);  // multibase 'u', GZIP magic
    CHECK(l["proof"][0]["verificationMethod"] == "did:web:www.ale.se#key-1");
    CHECK_FALSE(status_list_revoked(list, 94567));
    CHECK(canonicalize_json(list) == list);

    SignOptions bad;
    bad.status_list = "https://www.ale.se/intyg/status/1#x";
    CHECK(expect_error([&] { sign_certificate(finished(), ale, ale_key(), bad); }).code() == ErrorCode::invalid_value);
    CHECK(expect_error([] { create_status_list(list_url, ale, ale_key(), "2026-11-01"); }).code() == ErrorCode::invalid_value);
}

TEST_CASE("revoking sets the credential's bit; the verifier answers revoked", "[credential][status]") {
    const std::string vc = issued(94567), neighbour = issued(94568), first = issued(0), last = issued(131071);
    const std::string list = create_status_list(list_url, ale, ale_key(), "2026-11-01T08:00:00Z");
    CHECK(check(vc, {list}).ok());

    const std::string revoked = revoke_in_status_list(list, 94567, ale_key(), "2026-11-20T09:00:00Z");
    CHECK(status_list_revoked(revoked, 94567));
    CHECK_FALSE(status_list_revoked(revoked, 94568));
    CHECK(json::parse(revoked)["validFrom"] == "2026-11-20T09:00:00Z");
    const auto r = check(vc, {revoked});
    CHECK(r.status == VerifyStatus::revoked);
    CHECK(to_string(r.status) == "revoked");
    CHECK(r.content_json.empty());
    CHECK(check(neighbour, {revoked}).ok());
    // The bit order of the specification: index 0 is the first byte's leftmost bit.
    const std::string ends = revoke_in_status_list(revoke_in_status_list(list, 0, ale_key(), "2026-11-20T09:00:00Z"), 131071,
                                                   ale_key(), "2026-11-20T09:00:00Z");
    CHECK(check(first, {ends}).status == VerifyStatus::revoked);
    CHECK(check(last, {ends}).status == VerifyStatus::revoked);
    CHECK(check(vc, {ends}).ok());
    // Revoked stays revoked when revoking another.
    CHECK(check(vc, {revoke_in_status_list(revoked, 5, ale_key(), "2026-11-21T09:00:00Z")}).status == VerifyStatus::revoked);
    // Other lists beside the right one do not matter.
    const std::string other = create_status_list("https://www.ale.se/intyg/status/2", ale, ale_key(), "2026-11-01T08:00:00Z");
    CHECK(check(vc, {"not json", other, revoked}).status == VerifyStatus::revoked);
    CHECK(expect_error([&] { revoke_in_status_list(list, 131072, ale_key(), "2026-11-20T09:00:00Z"); }).code() ==
          ErrorCode::invalid_value);
    CHECK(expect_error([] { revoke_in_status_list("{}", 1, ale_key(), "2026-11-20T09:00:00Z"); }).code() ==
          ErrorCode::invalid_value);
}

TEST_CASE("without a usable status list the verifier says status_unavailable", "[credential][status]") {
    const std::string vc = issued(7);
    const std::string list = create_status_list(list_url, ale, ale_key(), "2026-11-01T08:00:00Z");
    CHECK(check(vc, {}).status == VerifyStatus::status_unavailable);
    CHECK(to_string(VerifyStatus::status_unavailable) == "status_unavailable");
    // A credential without credentialStatus needs no list.
    CHECK(check(sign_certificate(finished(), ale, ale_key()), {}).ok());

    // Someone else's signature on Ale's list.
    std::array<std::uint8_t, 32> seed{};
    const SigningKey forger = SigningKey::from_seed(seed.data(), seed.size());
    const std::string forged = create_status_list(list_url, ale, forger, "2026-11-01T08:00:00Z");
    CHECK(check(vc, {forged}).status == VerifyStatus::status_unavailable);
    // The list changed after signing (a bit cleared by someone else).
    const std::string revoked = revoke_in_status_list(list, 7, ale_key(), "2026-11-20T09:00:00Z");
    json tampered = json::parse(revoked);
    tampered["credentialSubject"]["encodedList"] = json::parse(list)["credentialSubject"]["encodedList"];
    CHECK(check(vc, {tampered.dump()}).status == VerifyStatus::status_unavailable);
    // Another issuer's list at the same address.
    const IssuerProfile lerum{"did:web:www.lerum.se", "Lerums kommun", "", ""};
    CHECK(check(vc, {create_status_list(list_url, lerum, ale_key(), "2026-11-01T08:00:00Z")}).status ==
          VerifyStatus::status_unavailable);
    // A list not yet valid at the time of verification.
    CHECK(check(vc, {list}, "2026-10-31T00:00:00Z").status == VerifyStatus::status_unavailable);
    // An index beyond the list.
    CHECK(check(issued(131072), {list}).status == VerifyStatus::status_unavailable);
}
