// W3C Data Integrity EdDSA, cryptosuite eddsa-jcs-2022 (VC DI EdDSA v1.0,
// section 3.3): proofs over JCS-canonical JSON, generic over the document.
#pragma once

#include "yrkesresan/version.hpp"

#include <string>

#include "crypto.hpp"
#include "json_value.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// Every intermediate of one proof, as the W3C test vectors list them.
struct ProofTrace {
    std::string canonical_document;      // JCS(unsecured document)
    std::string canonical_proof_config;  // JCS(proof options, with the document's @context)
    Bytes32 proof_config_hash{};         // SHA-256(canonical_proof_config)
    Bytes32 document_hash{};             // SHA-256(canonical_document)
    Bytes64 signature{};                 // Ed25519(proof_config_hash || document_hash)
    std::string proof_value;             // 'z' + base58btc(signature)
};

// 3.3.1 Create Proof: the proof for `unsecured` under `options` (type
// DataIntegrityProof, cryptosuite eddsa-jcs-2022, verificationMethod,
// proofPurpose, created...), including proofValue. Throws Error(invalid_value)
// for options of another suite.
// with_context false: a proof without @context (3.3.2 step 4 is optional),
// as the library's credentials carry them.
JsonValue create_proof(const JsonValue& unsecured, const JsonValue& options, const Bytes64& secret_key,
                       ProofTrace* trace = nullptr, bool with_context = true);

// The document with its proof added (as "proof").
JsonValue add_proof(JsonValue unsecured, const JsonValue& options, const Bytes64& secret_key,
                    ProofTrace* trace = nullptr);

enum class ProofCheck { ok, malformed, wrong_cryptosuite, bad_signature };

// 3.3.2 Verify Proof over the single proof object at "proof" of `secured`,
// with the public key the caller resolved from proof.verificationMethod.
ProofCheck verify_proof(const JsonValue& secured, const Bytes32& public_key, ProofTrace* trace = nullptr);
// The same for one proof of the document's proof set (`proof` is one of the
// items of secured's "proof" array, or that member itself): the document is
// hashed without its whole "proof" member (VC Data Integrity 4.3, proof sets).
ProofCheck verify_proof(const JsonValue& secured, const JsonValue& proof, const Bytes32& public_key,
                        ProofTrace* trace = nullptr);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
