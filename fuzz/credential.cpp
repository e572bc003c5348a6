// Fuzz target: what a verifier reads from outside (docs/certificates.md): a
// signed credential, a trusted-issuer list, and the credential again for its
// printable page. The same bytes go to each reader.
//   - verify_credential never throws for a bad credential (a status says
//     why); an accepted one has content that parses;
//   - yr_credential_verify gives the same result document;
//   - trusted_issuers_from_json and certificate_html end in
//     yrkesresan::Error or a result.
#include <array>

#include "harness.hpp"
#include "yrkesresan/credential.hpp"

namespace {

using namespace yrkesresan;
using yr_fuzz::require;

// The keys of the seeds: the library's test key (seed bytes 0x40..0x5f, as in
// tests/test_credential.cpp) for Kungälv, and the W3C vector's key
// (tests/vectors/vc-di-eddsa/keyPair.json) for its example issuer.
struct Trust {
    std::vector<TrustedIssuer> issuers;
    std::string json;
};

const Trust& trust() {
    static const Trust t = [] {
        std::array<std::uint8_t, 32> seed{};
        for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(0x40 + i);
        const std::string kungalv_key = SigningKey::from_seed(seed.data(), seed.size()).public_key_multibase();
        const std::string w3c_key = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        const nlohmann::json list = {
            {"issuers",
             {{{"id", "https://www.kungalv.se/socialtjansten"}, {"name", "Kungälv"},
               {"keys", {{{"publicKeyMultibase", kungalv_key}}}}},
              {{"id", "https://vc.example/issuers/5678"}, {"name", "W3C example"},
               {"keys", {{{"publicKeyMultibase", w3c_key}}}}}}}};
        Trust r;
        r.json = list.dump();
        r.issuers = trusted_issuers_from_json(r.json);
        return r;
    }();
    return t;
}

const char* const now = "2026-11-22T10:00:00Z";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    const Trust& t = trust();

    std::optional<VerificationResult> result;
    yr_fuzz::accepts([&] { result = verify_credential(input, t.issuers, {now}); });
    if (!result) yr_fuzz::fail("verify_credential throws for a bad credential instead of giving a status");
    if (result->ok()) yr_fuzz::parses(result->content_json, "VerificationResult::content_json");
    const std::string document = result->to_json();
    yr_fuzz::parses(document, "VerificationResult::to_json");

    yr_fuzz::accepts([&] { trusted_issuers_from_json(input); });
    yr_fuzz::accepts([&] { require(!certificate_html(input).empty(), "a printable page is not empty"); });

    if (yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        char* out = nullptr;
        const int rc = yr_credential_verify(nul_terminated.c_str(), t.json.c_str(), now, &out);
        yr_fuzz::same_as_c(rc, out, document, std::nullopt, "yr_credential_verify");
    }
    return 0;
}
