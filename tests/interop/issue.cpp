// Credentials for the third-party checks (scripts/test-interop.sh), issued
// through the C++ API and through the C ABI: a did:web issuer with the
// did.json the library writes, a did:key issuer, and a revocable credential
// with its status list, revoked. Writes them into the folder given.
//
//   yr_interop_issue OUT_DIR
#include <array>
#include <fstream>
#include <iostream>
#include <string>

#include <yrkesresan/yrkesresan.h>
#include <yrkesresan/credential.hpp>
#include <yrkesresan/yrkesresan.hpp>

namespace {

const char* const person_json = R"({"id": "p-0001", "municipality": "ale", "employment_start": "2026-01-12", "events": [
  {"type": "module_attended", "module": "m1", "date": "2026-05-20"}, {"type": "homework_submitted", "module": "m1", "date": "2026-05-27"},
  {"type": "module_attended", "module": "m2", "date": "2026-06-03"}, {"type": "homework_submitted", "module": "m2", "date": "2026-06-10"},
  {"type": "module_attended", "module": "m3", "date": "2026-06-17"}, {"type": "homework_submitted", "module": "m3", "date": "2026-06-24"},
  {"type": "module_attended", "module": "m4", "date": "2026-08-19"}, {"type": "module_attended", "module": "m5", "date": "2026-09-02"},
  {"type": "homework_submitted", "module": "m5", "date": "2026-09-09"}, {"type": "module_attended", "module": "m6", "date": "2026-09-16"},
  {"type": "module_attended", "module": "m7", "date": "2026-09-30"}, {"type": "homework_submitted", "module": "m7", "date": "2026-10-05"},
  {"type": "module_attended", "module": "m8", "date": "2026-10-07"}]})";

void write(const std::string& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
}

int c_abi(const std::string& dir) {
    yr_program* gr = nullptr;
    yr_signing_key* key = nullptr;
    std::array<unsigned char, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<unsigned char>(0x60 + i);
    char *did = nullptr, *did_json = nullptr, *vc = nullptr;
    int rc = yr_program_load("gr-barn-unga", nullptr, 0, &gr);
    if (rc == YR_OK) rc = yr_signing_key_from_seed(seed.data(), seed.size(), &key);
    if (rc == YR_OK) rc = yr_did_web_from_url("https://www.lerum.se/socialtjansten", &did);
    const std::string keys = rc == YR_OK ? std::string("[\"") + yr_signing_key_public_multibase(key) + "\"]" : "";
    if (rc == YR_OK) rc = yr_did_document(did, keys.c_str(), &did_json);
    if (rc == YR_OK)
        rc = yr_credential_issue(gr, person_json, "2026-11-01", "introduktionsprogram", did, "Lerums kommun", key, nullptr, &vc);
    if (rc == YR_OK) {
        write(dir, "capi-did-web.vc.json", vc);
        write(dir, "lerum.did.json", did_json);
    } else {
        std::cerr << "C ABI: " << yr_error_last()->message << "\n";
    }
    yr_string_free(vc);
    yr_string_free(did_json);
    yr_string_free(did);
    yr_signing_key_free(key);
    yr_program_free(gr);
    return rc == YR_OK ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: yr_interop_issue OUT_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    using namespace yrkesresan;
    const Certificate cert = issue_certificate(Program::builtin("gr-barn-unga"), PersonRecord::from_json(person_json),
                                               *Date::parse("2026-11-01"), "introduktionsprogram");
    std::array<std::uint8_t, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(0x40 + i);
    const SigningKey key = SigningKey::from_seed(seed.data(), seed.size());

    // did:web, with the did.json the municipality publishes.
    const IssuerProfile ale{did_web_from_url("https://www.ale.se"), "Ale kommun", "https://www.ale.se", ""};
    write(dir, "ale.did.json", did_document(ale.id, {key.public_key_multibase()}));
    write(dir, "cxx-did-web.vc.json", sign_certificate(cert, ale, key));
    // did:key: the DID is the key.
    write(dir, "cxx-did-key.vc.json", sign_certificate(cert, {key.did_key(), "Ale kommun", "", ""}, key));
    // Revocable: one credential left alone, one revoked in the list.
    const std::string list_url = "https://www.ale.se/intyg/status/1";
    SignOptions kept, withdrawn;
    kept.status_list = withdrawn.status_list = list_url;
    kept.status_list_index = 1200;
    withdrawn.status_list_index = 94567;
    write(dir, "cxx-status-kept.vc.json", sign_certificate(cert, ale, key, kept));
    write(dir, "cxx-status-revoked.vc.json", sign_certificate(cert, ale, key, withdrawn));
    const std::string list = create_status_list(list_url, ale, key, "2026-11-01T08:00:00Z");
    write(dir, "ale-status-1.list.json", revoke_in_status_list(list, 94567, key, "2026-11-20T09:00:00Z"));
    // An https issuer bound to a did:key only by a host's list: what standard
    // verifiers refuse (the issuer does not control the key).
    write(dir, "https-issuer.json", sign_certificate(cert, {"https://www.ale.se", "Ale kommun", "", ""}, key));
    // The unsigned credential, for Digital Bazaar's stack to sign.
    write(dir, "unsigned.json", open_badge_credential(cert, ale));
    return c_abi(dir);
}
