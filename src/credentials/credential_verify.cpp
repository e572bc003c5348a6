// Verifying an OpenBadgeCredential against the host's trusted issuers.
//
// Two readings of the same checks: text that is already canonical (what the
// library writes, with no escapes) is read in place (CanonicalView), which
// keeps verification close to the cost of Ed25519 itself; any other text is
// read into a JsonValue and proved with the generic eddsa-jcs-2022 code.
// Both give the same answers (tests/test_credential.cpp holds them to it).
#include "canonical_view.hpp"
#include "credential_format.hpp"
#include "crypto.hpp"
#include "data_integrity.hpp"
#include "date_time.hpp"
#include "jcs.hpp"
#include "json_writer.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

// Credentials are small; a megabyte is far beyond any intyg.
constexpr InputLimits credential_limits{1u << 20, 32};

// ---- what the checks need of a node, for both readings ----------------------

bool has_type(const JsonValue& object, std::string_view type) {
    const JsonValue* t = object.find("type");
    if (!t) return false;
    if (t->is_string()) return t->str() == type;
    if (!t->is_array()) return false;
    for (const auto& item : t->items())
        if (item.is_string() && item.str() == type) return true;
    return false;
}
bool has_type(const CanonicalView& object, std::string_view type) {
    const auto t = object.find("type");
    if (!t) return false;
    if (t->is_string()) return t->str() == type;
    bool found = false;
    t->for_each_item([&](CanonicalView item) { found = found || (item.is_string() && item.str() == type); });
    return found;
}

bool non_empty_array(const JsonValue& v) { return v.is_array() && !v.items().empty(); }
bool non_empty_array(const CanonicalView& v) { return v.is_array() && v.item_count() > 0; }

const std::string& expected_context() {
    static const std::string text = credential_context_text();
    return text;
}
bool is_credential_context(const JsonValue& v) {
    if (!v.is_array() || v.items().size() != 3) return false;  // cheap refusals before writing it out
    try {
        return jcs(v) == expected_context();
    } catch (const Error&) {
        return false;
    }
}
bool is_credential_context(const CanonicalView& v) { return v.text() == expected_context(); }

// The proofs of a proof set (an array) or the one proof (an object).
constexpr std::size_t max_proofs = 8;
std::vector<const JsonValue*> proofs_of(const JsonValue& proof) {
    std::vector<const JsonValue*> out;
    if (proof.is_array())
        for (const auto& p : proof.items()) out.push_back(&p);
    else
        out.push_back(&proof);
    return out;
}
std::vector<CanonicalView> proofs_of(const CanonicalView& proof) {
    std::vector<CanonicalView> out;
    if (proof.is_array())
        proof.for_each_item([&](CanonicalView p) { out.push_back(p); });
    else
        out.push_back(proof);
    return out;
}
const JsonValue& deref(const JsonValue* v) { return *v; }
const CanonicalView& deref(const CanonicalView& v) { return v; }

bool same_value(const JsonValue& a, const JsonValue& b) { return a == b; }
bool same_value(const CanonicalView& a, const CanonicalView& b) { return a.text() == b.text(); }  // both canonical

template <class P>
bool non_empty_string(const P& v) {
    return v && v->is_string() && !v->str().empty();
}
template <class P>
bool is_time(const P& v) {
    return v && v->is_string() && parse_date_time_stamp(v->str());
}

// ---- the checks -------------------------------------------------------------

// The credential's shape; an empty string when it is sound.
template <class Node>
std::string shape_problem(const Node& doc) {
    if (!doc.is_object()) return "the credential is not a JSON object";
    const auto context = doc.find("@context");
    if (!context || !is_credential_context(*context)) return "@context is not [VC 2.0, Open Badges 3.0.3]";
    if (!has_type(doc, "VerifiableCredential") || !has_type(doc, "OpenBadgeCredential"))
        return "type does not name VerifiableCredential and OpenBadgeCredential";
    if (!non_empty_string(doc.find("id"))) return "the credential has no id";
    if (!non_empty_string(doc.find("name"))) return "the credential has no name";
    const auto issuer = doc.find("issuer");
    if (!issuer || !issuer->is_object() || !non_empty_string(issuer->find("id")) || !has_type(*issuer, "Profile") ||
        !non_empty_string(issuer->find("name")))
        return "issuer is not a Profile with id and name";
    if (!is_time(doc.find("validFrom"))) return "validFrom is missing or not an xsd:dateTimeStamp";
    if (doc.find("validUntil") && !is_time(doc.find("validUntil"))) return "validUntil is not an xsd:dateTimeStamp";
    const auto subject = doc.find("credentialSubject");
    if (!subject || !subject->is_object() || !has_type(*subject, "AchievementSubject"))
        return "credentialSubject is not an AchievementSubject";
    const auto identifier = subject->find("identifier");
    if (!non_empty_string(subject->find("id")) && !(identifier && non_empty_array(*identifier)))
        return "credentialSubject has neither id nor identifier";
    const auto achievement = subject->find("achievement");
    if (!achievement || !achievement->is_object() || !has_type(*achievement, "Achievement") ||
        !non_empty_string(achievement->find("id")) || !non_empty_string(achievement->find("name")) ||
        !achievement->find_string("description") || !achievement->find("criteria") || !achievement->find("criteria")->is_object())
        return "the achievement lacks id, type, name, description or criteria";
    if (const auto content = doc.find(content_member); content && !content->is_object())
        return "the certificate content is not an object";
    if (const auto status = doc.find("credentialStatus"); status && !status->is_object() && !status->is_array())
        return "credentialStatus is neither an entry nor a list of entries";
    const auto proof = doc.find("proof");
    if (!proof) return "the credential has no proof";
    if (!proof->is_object() && !proof->is_array()) return "proof is neither a proof nor a proof set";
    const auto proofs = proofs_of(*proof);
    if (proofs.empty()) return "the proof set is empty";
    if (proofs.size() > max_proofs) return "the proof set holds more proofs than a credential needs";
    for (const auto& p : proofs) {
        if (!deref(p).is_object()) return "a proof is not an object";
        if (!deref(p).find_string("type") || !deref(p).find_string("cryptosuite"))
            return "a proof names no type or cryptosuite";
        if (deref(p).find("previousProof")) return "proof chains (previousProof) are not supported";
    }
    return {};
}

// A proof's own fields, once the cryptosuite is known.
template <class Node>
std::string proof_problem(const Node& doc, const Node& proof) {
    const auto purpose = proof.find_string("proofPurpose");
    if (!purpose || *purpose != "assertionMethod") return "proofPurpose is not assertionMethod";
    if (!non_empty_string(proof.find("verificationMethod"))) return "the proof names no verificationMethod";
    // Optional (VC DI EdDSA 3.3.2 step 4): the library's own proofs have none.
    const auto context = proof.find("@context");
    if (context && !same_value(*context, *doc.find("@context"))) return "the proof's @context differs from the credential's";
    if (proof.find("created") && !is_time(proof.find("created"))) return "proof.created is not an xsd:dateTimeStamp";
    if (proof.find("expires") && !is_time(proof.find("expires"))) return "proof.expires is not an xsd:dateTimeStamp";
    const auto value = proof.find_string("proofValue");
    if (!value) return "the proof has no proofValue";
    return {};
}

// ---- the proof, by reading --------------------------------------------------

ProofCheck check_proof(const JsonValue& doc, const JsonValue* proof, const Bytes32& public_key) {
    return verify_proof(doc, *proof, public_key);
}

// eddsa-jcs-2022 verification on canonical text: the document without its
// proof (or proof set), and the proof without its value, are the text with
// one member cut out. proof_problem has checked that the proof's @context,
// if any, is the document's, so neither needs a replacement (3.3.2 step 4).
ProofCheck check_proof(const CanonicalView& doc, const CanonicalView& proof, const Bytes32& public_key) {
    const auto without = [](const CanonicalView& object, std::string_view key, std::string& out) {
        bool first = true, cut = false;
        object.for_each_member([&](std::string_view k, CanonicalView, std::size_t begin, std::size_t end) {
            if (cut || k != key) {
                first = false;
                return;
            }
            const std::string_view t = object.text();
            // With the comma before it, or (as the first member) the one after.
            const std::size_t from = first ? begin : begin - 1;
            const std::size_t to = first && t[end] == ',' ? end + 1 : end;
            out.append(t.substr(0, from));
            out.append(t.substr(to));
            cut = true;
        });
        return cut;
    };
    std::string document, config;
    document.reserve(doc.text().size());
    if (!without(doc, "proof", document) || !without(proof, "proofValue", config)) return ProofCheck::malformed;
    const std::string_view value = *proof.find_string("proofValue");
    if (value.size() < 2 || value[0] != 'z') return ProofCheck::malformed;
    const auto bytes = base58btc_decode(value.substr(1));
    if (!bytes || bytes->size() != 64) return ProofCheck::malformed;
    Bytes64 signature{};
    std::copy(bytes->begin(), bytes->end(), signature.begin());
    const auto proof_hash = sha256_bytes(config), document_hash = sha256_bytes(document);
    std::uint8_t data[64];
    std::copy(proof_hash.begin(), proof_hash.end(), data);
    std::copy(document_hash.begin(), document_hash.end(), data + 32);
    return ed25519_verify(data, sizeof data, signature, public_key) ? ProofCheck::ok : ProofCheck::bad_signature;
}

std::string content_text(const JsonValue& content) { return jcs(content); }
std::string content_text(const CanonicalView& content) { return std::string(content.text()); }

VerificationResult fail(VerificationResult r, VerifyStatus status, std::string message) {
    r.status = status;
    r.message = std::move(message);
    r.content_json.clear();
    return r;
}

JsonValue as_value(const JsonValue& v) { return v; }
JsonValue as_value(const CanonicalView& v) { return read_json_strict(v.text()); }

template <class Node>
VerificationResult verify(const Node& doc, const std::vector<TrustedIssuer>& trusted, const Instant& now,
                          const std::vector<std::string>& status_lists) {
    VerificationResult r;
    if (std::string problem = shape_problem(doc); !problem.empty())
        return fail(std::move(r), VerifyStatus::malformed, std::move(problem));
    const auto issuer_node = doc.find("issuer");
    const auto proof_node = doc.find("proof");
    const auto& issuer = *issuer_node;
    const auto proofs = proofs_of(*proof_node);
    r.credential_id = std::string(doc.find("id")->str());
    r.issuer_id = std::string(issuer.find("id")->str());
    r.issuer_name = std::string(issuer.find("name")->str());
    r.valid_from = std::string(doc.find("validFrom")->str());

    // Every proof of a set must hold (VC Data Integrity 4.3): each its suite
    // and fields, then each by a trusted key of the issuer, then each signature.
    for (const auto& p : proofs) {
        const auto& proof = deref(p);
        if (*proof.find_string("type") != "DataIntegrityProof" || *proof.find_string("cryptosuite") != "eddsa-jcs-2022")
            return fail(std::move(r), VerifyStatus::wrong_cryptosuite, "a proof is not DataIntegrityProof with eddsa-jcs-2022");
        if (std::string problem = proof_problem(doc, proof); !problem.empty())
            return fail(std::move(r), VerifyStatus::malformed, std::move(problem));
    }
    const TrustedIssuer* known = nullptr;
    for (const auto& t : trusted)
        if (t.id == r.issuer_id) known = &t;
    if (!known) return fail(std::move(r), VerifyStatus::unknown_issuer, "the issuer is not on the trusted list");
    std::vector<Bytes32> keys;
    for (const auto& p : proofs) {
        const std::string_view method = *deref(p).find_string("verificationMethod");
        const auto key = trusted_key(*known, method);
        if (!key)
            return fail(std::move(r), VerifyStatus::unknown_issuer,
                        r.issuer_id.rfind("did:", 0) == 0 && method.rfind(r.issuer_id + "#", 0) != 0
                            ? "a proof's verificationMethod is not a method of the issuer's DID"
                            : "a proof's verificationMethod is not a trusted key of the issuer");
        keys.push_back(*key);
    }
    for (std::size_t i = 0; i < proofs.size(); ++i) {
        switch (check_proof(doc, proofs[i], keys[i])) {
            case ProofCheck::ok: break;
            case ProofCheck::wrong_cryptosuite:
                return fail(std::move(r), VerifyStatus::wrong_cryptosuite, "a proof is not eddsa-jcs-2022");
            case ProofCheck::bad_signature:
                return fail(std::move(r), VerifyStatus::bad_signature, "the signature does not match the credential");
            case ProofCheck::malformed:
                return fail(std::move(r), VerifyStatus::malformed, "a proof value is not a multibase base58btc Ed25519 signature");
        }
    }

    // Times, once the signature vouches for them.
    const auto at = [&](const Node& object, std::string_view key) {
        const auto s = object.find_string(key);
        return s ? parse_date_time_stamp(*s) : std::nullopt;
    };
    if (now < *at(doc, "validFrom")) return fail(std::move(r), VerifyStatus::not_yet_valid, "validFrom is after the time of verification");
    for (const auto& p : proofs)
        if (const auto created = at(deref(p), "created"); created && now < *created)
            return fail(std::move(r), VerifyStatus::not_yet_valid, "a proof was created after the time of verification");
    if (const auto until = at(doc, "validUntil"); until && *until < now)
        return fail(std::move(r), VerifyStatus::expired, "validUntil is before the time of verification");
    for (const auto& p : proofs)
        if (const auto expires = at(deref(p), "expires"); expires && *expires < now)
            return fail(std::move(r), VerifyStatus::expired, "a proof expired before the time of verification");

    // Revocation, last: the list is the issuer's word on a credential that is otherwise sound.
    if (const auto status = doc.find("credentialStatus")) {
        std::string message;
        switch (check_status(as_value(*status), *known, status_lists, now, message)) {
            case StatusCheck::ok: break;
            case StatusCheck::revoked: return fail(std::move(r), VerifyStatus::revoked, std::move(message));
            case StatusCheck::unavailable: return fail(std::move(r), VerifyStatus::status_unavailable, std::move(message));
            case StatusCheck::malformed: return fail(std::move(r), VerifyStatus::malformed, std::move(message));
        }
    }

    r.status = VerifyStatus::ok;
    r.message = "verified";
    if (const auto content = doc.find(content_member)) r.content_json = content_text(*content);
    return r;
}

Instant verification_time(const VerifyOptions& options) {
    const auto now = parse_date_time_stamp(options.now);
    if (!now) throw Error(ErrorCode::invalid_value, "", "the time of verification ('now') is not an xsd:dateTimeStamp");
    return *now;
}

}  // namespace

std::optional<Bytes32> trusted_key(const TrustedIssuer& known, std::string_view method) {
    const std::string_view issuer = known.id;
    if (issuer.rfind("did:", 0) == 0) {
        if (method.size() <= issuer.size() + 1 || method.substr(0, issuer.size()) != issuer || method[issuer.size()] != '#')
            return std::nullopt;
        if (issuer.rfind("did:key:", 0) == 0) {
            const std::string_view key = issuer.substr(8);
            return method.substr(issuer.size() + 1) == key ? parse_ed25519_public_multibase(key) : std::nullopt;
        }
    }
    for (const auto& k : known.keys) {
        const bool named = k.verification_method.empty()
                               ? method == "did:key:" + k.public_key_multibase + "#" + k.public_key_multibase
                               : method == k.verification_method;
        if (named)
            if (auto key = parse_ed25519_public_multibase(k.public_key_multibase)) return key;
    }
    return std::nullopt;
}

VerificationResult verify_credential_general(std::string_view credential_json, const std::vector<TrustedIssuer>& trusted,
                                             const VerifyOptions& options) {
    const Instant now = verification_time(options);
    JsonValue doc;
    try {
        doc = read_json_borrowed(credential_json, credential_limits);  // credential_json outlives doc
    } catch (const Error& e) {
        return fail(VerificationResult{}, VerifyStatus::malformed, e.message());
    }
    return verify(doc, trusted, now, options.status_lists);
}

}  // namespace detail

VerificationResult verify_credential(std::string_view credential_json, const std::vector<TrustedIssuer>& trusted,
                                     const VerifyOptions& options) {
    detail::CanonicalIndex index;
    if (detail::is_plain_canonical_json(credential_json, detail::credential_limits, index))
        return detail::verify(detail::CanonicalView(credential_json, index), trusted, detail::verification_time(options),
                              options.status_lists);
    return detail::verify_credential_general(credential_json, trusted, options);
}

// Keys in sorted order, as the result has always been written.
std::string VerificationResult::to_json() const {
    std::string out;
    detail::JsonWriter w(out);
    w.begin_object().key("content");
    if (content_json.empty())
        w.value(nullptr);
    else
        w.raw(content_json);  // canonical JSON the library wrote itself
    w.member("credential_id", credential_id)
        .member("issuer_id", issuer_id)
        .member("issuer_name", issuer_name)
        .member("message", message)
        .member("status", yrkesresan::to_string(status))
        .member("valid_from", valid_from)
        .end_object();
    return out;
}

YRKESRESAN_END_NAMESPACE
