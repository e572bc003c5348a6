// Signing and verifying a certificate (eddsa-jcs-2022 OpenBadgeCredential)
// against raw Ed25519 sign/verify of the same bytes, side by side in one run.
//
//   build/<preset>/benchmarks/yr-bench-certificates [--rounds N] [--iterations N]
//
// "The same bytes": signing is compared with crypto_sign_detached over the
// unsigned credential's canonical bytes (what a raw signer would sign);
// verifying with crypto_sign_verify_detached over the signed credential's
// bytes. Ours does more (builds the credential, canonicalizes, hashes twice,
// parses strictly, checks shape, issuer and times) and signs a 64-byte
// digest instead of the whole text. Rounds alternate the two so that a busy
// machine slows both alike; time is the thread's CPU time, and the medians
// over the rounds are reported.
#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "yrkesresan/yrkesresan.hpp"
#include "yrkesresan/credential.hpp"

namespace {

using namespace yrkesresan;

Certificate course_certificate() {
    const char* modules[] = {"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"};
    const char* dates[] = {"2026-05-20", "2026-06-03", "2026-06-17", "2026-08-19",
                           "2026-09-02", "2026-09-16", "2026-09-30", "2026-10-07"};
    const char* homework[] = {"2026-05-27", "2026-06-10", "2026-06-24", "", "2026-09-09", "", "2026-10-05", ""};
    nlohmann::json events = nlohmann::json::array();
    for (int i = 0; i < 8; ++i) {
        events.push_back({{"type", "module_attended"}, {"module", modules[i]}, {"date", dates[i]}, {"round", "2026-1"}});
        if (*homework[i]) events.push_back({{"type", "homework_submitted"}, {"module", modules[i]}, {"date", homework[i]}});
    }
    const nlohmann::json person = {{"id", "p-0001"}, {"municipality", "kungalv"}, {"employment_start", "2026-01-12"},
                                   {"hired_on", "2025-11-20"}, {"events", events}};
    return issue_certificate(Program::builtin("gr-barn-unga"), PersonRecord::from_json(person.dump()),
                             *Date::parse("2026-11-01"), "introduktionsprogram");
}

volatile int sink = 0;  // keeps results alive

// This thread's CPU time in microseconds: on a shared machine, time spent
// descheduled would otherwise land on whichever side was running.
double cpu_us() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// Microseconds of CPU per call of f over n calls.
template <class F>
double per_call(F&& f, int n) {
    const double t0 = cpu_us();
    for (int i = 0; i < n; ++i) f();
    return (cpu_us() - t0) / n;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

struct Pair {
    std::vector<double> ours, raw;
};

}  // namespace

int main(int argc, char** argv) {
    int rounds = 15, iterations = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--iterations") == 0) iterations = std::max(1, std::atoi(argv[i + 1]));
    }
    if (sodium_init() < 0) return 1;

    const Certificate cert = course_certificate();
    const IssuerProfile issuer{"https://www.kungalv.se/socialtjansten", "Kungälvs kommun, socialtjänsten", "", ""};
    std::uint8_t seed[32];
    for (int i = 0; i < 32; ++i) seed[i] = static_cast<std::uint8_t>(i + 1);
    const SigningKey key = SigningKey::from_seed(seed, sizeof seed);
    const std::vector<TrustedIssuer> trusted{{issuer.id, issuer.name, {{key.public_key_multibase(), ""}}}};
    const VerifyOptions when{"2026-11-22T10:00:00Z"};

    const std::string unsigned_bytes = open_badge_credential(cert, issuer);
    const std::string signed_bytes = sign_certificate(cert, issuer, key);
    if (!verify_credential(signed_bytes, trusted, when).ok()) {
        std::fprintf(stderr, "the benchmark's credential does not verify\n");
        return 1;
    }
    // The raw baseline's own key pair, from the same seed.
    unsigned char pk_raw[crypto_sign_PUBLICKEYBYTES], sk_raw[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk_raw, sk_raw, seed);
    const unsigned char* sk = sk_raw;
    const unsigned char* pk = pk_raw;
    unsigned char raw_sig[crypto_sign_BYTES];
    crypto_sign_detached(raw_sig, nullptr, reinterpret_cast<const unsigned char*>(signed_bytes.data()), signed_bytes.size(), sk);

    Pair sign, verify;
    for (int r = 0; r < rounds; ++r) {
        // Alternate which goes first, so neither always follows a cold cache.
        const auto ours_sign = [&] { sink = sink + static_cast<int>(sign_certificate(cert, issuer, key).size()); };
        const auto raw_sign = [&] {
            unsigned char sig[crypto_sign_BYTES];
            crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(unsigned_bytes.data()),
                                 unsigned_bytes.size(), sk);
            sink = sink + sig[0];
        };
        const auto ours_verify = [&] { sink = sink + static_cast<int>(verify_credential(signed_bytes, trusted, when).ok()); };
        const auto raw_verify = [&] {
            sink = sink + crypto_sign_verify_detached(raw_sig, reinterpret_cast<const unsigned char*>(signed_bytes.data()),
                                                      signed_bytes.size(), pk);
        };
        if (r % 2 == 0) {
            sign.ours.push_back(per_call(ours_sign, iterations));
            sign.raw.push_back(per_call(raw_sign, iterations));
            verify.ours.push_back(per_call(ours_verify, iterations));
            verify.raw.push_back(per_call(raw_verify, iterations));
        } else {
            sign.raw.push_back(per_call(raw_sign, iterations));
            sign.ours.push_back(per_call(ours_sign, iterations));
            verify.raw.push_back(per_call(raw_verify, iterations));
            verify.ours.push_back(per_call(ours_verify, iterations));
        }
    }

    std::printf("certificate credential: %zu bytes unsigned, %zu bytes signed; %d rounds x %d calls, thread CPU time, medians\n",
                unsigned_bytes.size(), signed_bytes.size(), rounds, iterations);
    std::printf("%-8s %14s %18s %8s\n", "", "eddsa-jcs-2022", "raw Ed25519 (same)", "ratio");
    const auto row = [](const char* name, const Pair& p) {
        const double ours = median(p.ours), raw = median(p.raw);
        std::vector<double> ratios;
        for (std::size_t i = 0; i < p.ours.size(); ++i) ratios.push_back(p.ours[i] / p.raw[i]);
        std::printf("%-8s %11.1f us %15.1f us %7.2fx  (per-round ratio median %.2fx)\n", name, ours, raw, ours / raw,
                    median(ratios));
        return ours / raw;
    };
    const double s = row("sign", sign);
    const double v = row("verify", verify);
    std::printf("goal: <= 1.20x; %s\n", s <= 1.2 && v <= 1.2 ? "met" : "NOT met");
    return 0;
}
