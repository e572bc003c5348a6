// The W3C eddsa-jcs-2022 test vectors (w3c/vc-di-eddsa TestVectors),
// reproduced byte for byte: canonical document, canonical proof
// configuration, both hashes, the signature in hex and base58btc, and the
// signed credential; then verification of the published credential.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto.hpp"
#include "data_integrity.hpp"
#include "jcs.hpp"
#include "signing_key_secret.hpp"
#include "support.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;
namespace fs = std::filesystem;
namespace detail = yrkesresan::detail;
using detail::JsonValue;

namespace {
const fs::path dir = fs::path(YR_SOURCE_DIR) / "tests" / "vectors" / "vc-di-eddsa";

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
std::string vector(const char* name) { return file_bytes(dir / "eddsa-jcs-2022" / name); }
std::string hex(const detail::Bytes32& b) { return detail::to_hex(b.data(), b.size()); }

yrkesresan::SigningKey vector_key() {
    const auto pair = json::parse(file_bytes(dir / "keyPair.json"));
    return yrkesresan::SigningKey::from_multibase(pair["privateKeyMultibase"].get<std::string>());
}

JsonValue signed_vector() { return detail::read_json_strict(vector("signedJCS.json")); }
}  // namespace

TEST_CASE("the W3C key pair decodes: Multikey private key to the published public key", "[di]") {
    const auto pair = json::parse(file_bytes(dir / "keyPair.json"));
    const auto key = vector_key();
    CHECK(key.public_key_multibase() == pair["publicKeyMultibase"].get<std::string>());
    CHECK(key.private_key_multibase() == pair["privateKeyMultibase"].get<std::string>());
    CHECK(key.did_key_verification_method() ==
          "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
}

TEST_CASE("eddsa-jcs-2022 create proof reproduces every W3C intermediate byte for byte", "[di]") {
    JsonValue unsecured = signed_vector();
    REQUIRE(unsecured.erase("proof"));
    const JsonValue options = detail::read_json_strict(vector("proofConfigJCS.json"));
    detail::ProofTrace t;
    const JsonValue secured = detail::add_proof(unsecured, options, detail::secret_key_bytes(vector_key()), &t);

    CHECK(t.canonical_document == vector("canonDocJCS.txt"));
    CHECK(t.canonical_proof_config == vector("proofCanonJCS.txt"));
    CHECK(hex(t.document_hash) == vector("docHashJCS.txt"));
    CHECK(hex(t.proof_config_hash) == vector("proofHashJCS.txt"));
    CHECK(hex(t.proof_config_hash) + hex(t.document_hash) == vector("combinedHashJCS.txt"));
    CHECK(detail::to_hex(t.signature.data(), t.signature.size()) == vector("sigHexJCS.txt"));
    CHECK(t.proof_value == vector("sigBTC58JCS.txt"));
    CHECK(secured == signed_vector());
    CHECK(detail::jcs(secured) == yrkesresan::canonicalize_json(vector("signedJCS.json")));

    // The options without @context give the same proof: the algorithm copies
    // the document's (3.3.1 step 2).
    JsonValue bare = options;
    bare.erase("@context");
    CHECK(detail::create_proof(unsecured, bare, detail::secret_key_bytes(vector_key())) == *secured.find("proof"));
}

TEST_CASE("eddsa-jcs-2022 verify proof accepts the W3C credential, with the same intermediates", "[di]") {
    const auto key = vector_key();
    detail::ProofTrace t;
    CHECK(detail::verify_proof(signed_vector(), key.public_key(), &t) == detail::ProofCheck::ok);
    CHECK(t.canonical_document == vector("canonDocJCS.txt"));
    CHECK(t.canonical_proof_config == vector("proofCanonJCS.txt"));
    CHECK(detail::to_hex(t.signature.data(), t.signature.size()) == vector("sigHexJCS.txt"));
}

TEST_CASE("eddsa-jcs-2022 verify proof rejects changes, other suites and context tricks", "[di]") {
    const auto key = vector_key();
    SECTION("a changed claim") {
        JsonValue doc = signed_vector();
        JsonValue subject = *doc.find("credentialSubject");
        subject.set("alumniOf", "The School of Samples");
        doc.set("credentialSubject", subject);
        CHECK(detail::verify_proof(doc, key.public_key()) == detail::ProofCheck::bad_signature);
    }
    SECTION("a changed proof option") {
        JsonValue doc = signed_vector();
        JsonValue proof = *doc.find("proof");
        proof.set("created", "2023-02-24T23:36:39Z");
        doc.set("proof", proof);
        CHECK(detail::verify_proof(doc, key.public_key()) == detail::ProofCheck::bad_signature);
    }
    SECTION("another key") {
        const auto other = yrkesresan::SigningKey::generate();
        CHECK(detail::verify_proof(signed_vector(), other.public_key()) == detail::ProofCheck::bad_signature);
    }
    SECTION("another cryptosuite") {
        JsonValue doc = signed_vector();
        JsonValue proof = *doc.find("proof");
        proof.set("cryptosuite", "eddsa-rdfc-2022");
        doc.set("proof", proof);
        CHECK(detail::verify_proof(doc, key.public_key()) == detail::ProofCheck::wrong_cryptosuite);
    }
    SECTION("a proof value that is not base58btc of 64 bytes") {
        JsonValue doc = signed_vector();
        JsonValue proof = *doc.find("proof");
        const std::string value(proof.find_string("proofValue")->substr(0, 40));
        proof.set("proofValue", value);
        doc.set("proof", proof);
        CHECK(detail::verify_proof(doc, key.public_key()) == detail::ProofCheck::malformed);
        proof.set("proofValue", "u" + value);  // base64url multibase: not this suite's
        doc.set("proof", proof);
        CHECK(detail::verify_proof(doc, key.public_key()) == detail::ProofCheck::malformed);
    }
    SECTION("a proof @context the document does not start with") {
        JsonValue doc = signed_vector();
        doc.set("@context", JsonValue::array({"https://www.w3.org/ns/credentials/v2"}));
        CHECK(detail::verify_proof(doc, key.public_key()) == detail::ProofCheck::malformed);
    }
}

TEST_CASE("base58btc round-trips and rejects characters outside its alphabet", "[di]") {
    const std::uint8_t bytes[] = {0, 0, 1, 2, 255};
    const std::string text = detail::base58btc_encode(bytes, sizeof bytes);
    CHECK(text.substr(0, 2) == "11");
    const auto back = detail::base58btc_decode(text);
    REQUIRE(back);
    CHECK(*back == std::vector<std::uint8_t>(std::begin(bytes), std::end(bytes)));
    CHECK_FALSE(detail::base58btc_decode("0OIl"));
    CHECK(detail::base58btc_decode("")->empty());
}

TEST_CASE("base58btc agrees with the schoolbook conversion on many lengths", "[di]") {
    // Reference: repeated division of the whole number by 58.
    const auto reference = [](std::vector<std::uint8_t> n) {
        static const char* alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        std::string out;
        std::size_t zeros = 0;
        while (zeros < n.size() && n[zeros] == 0) ++zeros;
        std::vector<std::uint8_t> rest(n.begin() + static_cast<std::ptrdiff_t>(zeros), n.end());
        while (!rest.empty()) {
            unsigned remainder = 0;
            std::vector<std::uint8_t> quotient;
            for (auto b : rest) {
                const unsigned cur = remainder * 256 + b;
                if (!quotient.empty() || cur / 58 != 0) quotient.push_back(static_cast<std::uint8_t>(cur / 58));
                remainder = cur % 58;
            }
            out += alphabet[remainder];
            rest = quotient;
        }
        return std::string(zeros, '1') + std::string(out.rbegin(), out.rend());
    };
    std::uint32_t state = 12345;
    for (std::size_t size = 0; size <= 80; ++size) {
        for (int trial = 0; trial < 8; ++trial) {
            std::vector<std::uint8_t> bytes(size);
            for (auto& b : bytes) {
                state = state * 1103515245u + 12345u;
                b = static_cast<std::uint8_t>(state >> 16);
            }
            if (trial == 1 && size > 2) bytes[0] = bytes[1] = 0;  // leading zeros
            if (trial == 2) std::fill(bytes.begin(), bytes.end(), 0xFF);
            const std::string text = detail::base58btc_encode(bytes.data(), bytes.size());
            INFO("size " << size << " trial " << trial);
            CHECK(text == reference(bytes));
            const auto back = detail::base58btc_decode(text);
            REQUIRE(back);
            CHECK(*back == bytes);
        }
    }
}

TEST_CASE("SHA-256 with the processor's extensions equals libsodium's on every tail length", "[di]") {
    std::string data;
    for (int i = 0; i < 300; ++i) {
        const auto a = detail::sha256_bytes(data), b = detail::sha256_portable(data);
        INFO("length " << data.size());
        CHECK(a == b);
        data += static_cast<char>(i * 7 + 3);
    }
    CHECK(hex(detail::sha256_bytes("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
