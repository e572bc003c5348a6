// eddsa-jcs-2022 (VC DI EdDSA v1.0, 3.3.1 Create Proof, 3.3.2 Verify Proof,
// 3.3.4 Hashing, 3.3.5 Proof Configuration).
#include "data_integrity.hpp"

#include <cstring>

#include "date_time.hpp"
#include "jcs.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

constexpr std::string_view proof_type = "DataIntegrityProof";
constexpr std::string_view suite = "eddsa-jcs-2022";

// 3.3.4: SHA-256 of the proof configuration, then of the document.
std::array<std::uint8_t, 64> hash_data(const Bytes32& proof_config_hash, const Bytes32& document_hash) {
    std::array<std::uint8_t, 64> out{};
    std::memcpy(out.data(), proof_config_hash.data(), 32);
    std::memcpy(out.data() + 32, document_hash.data(), 32);
    return out;
}

bool is_suite(const JsonValue& proof) {
    const auto type = proof.find_string("type");
    const auto cs = proof.find_string("cryptosuite");
    return type && cs && *type == proof_type && *cs == suite;
}

// "securedDocument.@context starts with all values contained in
// proofOptions.@context in the same order" (a single value counts as a list
// of one).
bool context_starts_with(const JsonValue* document, const JsonValue& proof) {
    if (!document) return false;
    const auto size = [](const JsonValue& v) { return v.is_array() ? v.items().size() : std::size_t{1}; };
    const auto at = [](const JsonValue& v, std::size_t i) -> const JsonValue& { return v.is_array() ? v.items()[i] : v; };
    if (size(proof) > size(*document)) return false;
    for (std::size_t i = 0; i < size(proof); ++i)
        if (at(*document, i) != at(proof, i)) return false;
    return true;
}

}  // namespace

JsonValue create_proof(const JsonValue& unsecured, const JsonValue& options, const Bytes64& secret_key, ProofTrace* trace,
                       bool with_context) {
    ensure_sodium();
    // 3.3.5 Proof Configuration.
    if (!options.is_object() || !is_suite(options))
        throw Error(ErrorCode::invalid_value, "", "proof options must name DataIntegrityProof and eddsa-jcs-2022");
    if (const JsonValue* created = options.find("created"))
        if (!created->is_string() || !parse_date_time_stamp(created->str()))
            throw Error(ErrorCode::invalid_value, "", "proof 'created' is not an xsd:dateTimeStamp");
    JsonValue proof = options;
    if (const JsonValue* context = unsecured.find("@context"); context && with_context) proof.set("@context", *context);

    ProofTrace local;
    ProofTrace& t = trace ? *trace : local;
    t.canonical_proof_config.clear();
    t.canonical_document.clear();
    write_jcs(proof, t.canonical_proof_config);
    write_jcs(unsecured, t.canonical_document);
    t.proof_config_hash = sha256_bytes(t.canonical_proof_config);
    t.document_hash = sha256_bytes(t.canonical_document);
    const auto data = hash_data(t.proof_config_hash, t.document_hash);
    t.signature = ed25519_sign(data.data(), data.size(), secret_key);
    t.proof_value = "z" + base58btc_encode(t.signature.data(), t.signature.size());
    proof.set("proofValue", t.proof_value);
    return proof;
}

JsonValue add_proof(JsonValue unsecured, const JsonValue& options, const Bytes64& secret_key, ProofTrace* trace) {
    JsonValue proof = create_proof(unsecured, options, secret_key, trace);
    unsecured.set("proof", std::move(proof));
    return unsecured;
}

ProofCheck verify_proof(const JsonValue& secured, const Bytes32& public_key, ProofTrace* trace) {
    const JsonValue* proof = secured.find("proof");
    if (!secured.is_object() || !proof || !proof->is_object()) return ProofCheck::malformed;
    return verify_proof(secured, *proof, public_key, trace);
}

ProofCheck verify_proof(const JsonValue& secured, const JsonValue& proof_object, const Bytes32& public_key,
                        ProofTrace* trace) {
    ensure_sodium();
    const JsonValue* proof = &proof_object;
    if (!secured.is_object() || !proof->is_object()) return ProofCheck::malformed;
    if (!proof->find_string("type") || !proof->find_string("cryptosuite")) return ProofCheck::malformed;
    if (!is_suite(*proof)) return ProofCheck::wrong_cryptosuite;
    if (const JsonValue* created = proof->find("created"))
        if (!created->is_string() || !parse_date_time_stamp(created->str())) return ProofCheck::malformed;
    const auto value = proof->find_string("proofValue");
    if (!value || value->size() < 2 || (*value)[0] != 'z') return ProofCheck::malformed;
    const auto bytes = base58btc_decode(std::string_view(*value).substr(1));
    if (!bytes || bytes->size() != 64) return ProofCheck::malformed;

    // The document's @context as hashed: the proof's, after the prefix check.
    const JsonValue* document_context = secured.find("@context");
    const JsonValue* proof_context = proof->find("@context");
    if (proof_context && !context_starts_with(document_context, *proof_context)) return ProofCheck::malformed;

    ProofTrace local;
    ProofTrace& t = trace ? *trace : local;
    t.canonical_document.clear();
    t.canonical_proof_config.clear();
    t.canonical_document.reserve(4096);
    try {
        write_jcs_object(secured, t.canonical_document, "proof", "@context", proof_context);
        write_jcs_object(*proof, t.canonical_proof_config, "proofValue");
    } catch (const Error&) {
        return ProofCheck::malformed;  // a value with no canonical form
    }
    t.proof_config_hash = sha256_bytes(t.canonical_proof_config);
    t.document_hash = sha256_bytes(t.canonical_document);
    std::copy(bytes->begin(), bytes->end(), t.signature.begin());
    t.proof_value = std::string(*value);
    const auto data = hash_data(t.proof_config_hash, t.document_hash);
    return ed25519_verify(data.data(), data.size(), t.signature, public_key) ? ProofCheck::ok : ProofCheck::bad_signature;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
