// Loads a built-in program through the installed C++ library, evaluates a
// newcomer and derives a signing key's did:key: proves the exported C++
// target works with nothing but the package (libsodium, which the key needs,
// included; nlohmann_json and Boost not needed).
#include <cstdint>
#include <iostream>

#include <yrkesresan/credential.hpp>
#include <yrkesresan/yrkesresan.hpp>

int main() {
    using namespace yrkesresan;
    const Program gr = Program::builtin("gr-barn-unga");
    const PersonRecord person = PersonRecord::from_json(
        R"({"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"})");
    const Evaluation ev = evaluate(gr, person, Date::from_ymd(2026, 2, 1));
    const std::uint8_t seed[SigningKey::seed_size] = {1};
    const SigningKey key = SigningKey::from_seed(seed, sizeof seed);
    std::cout << gr.id() << " " << ev.phase.id << " " << key.did_key() << "\n";
    return ev.phase.id.empty() ? 1 : 0;
}
