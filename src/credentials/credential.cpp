// The intyg as an Open Badges 3.0 OpenBadgeCredential (W3C VC 2.0), and its
// signing with eddsa-jcs-2022.
#include "credential_format.hpp"

#include <cmath>

#include "crypto.hpp"
#include "date_time.hpp"
#include "did.hpp"
#include "jcs.hpp"
#include "signing_key_secret.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

// RFC 3986 unreserved characters and ':' pass; everything else is %XX.
std::string urn_part(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~' || c == ':';
        if (keep) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

// Hours in Swedish writing: a decimal comma.
std::string hours_text(double hours) {
    std::string s;
    write_jcs_number(hours, s);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string part_description(const CertificatePart& p) {
    std::string d = "Deltog " + p.date.to_string();
    if (p.homework_submitted) d += "; hemuppgift inlämnad " + p.homework_submitted->to_string();
    if (!p.round.empty()) d += "; omgång " + p.round;
    return d;
}

std::string source_text(const SourceRef& s) {
    std::string out = s.quote.empty() ? s.assumption : "\u201D" + s.quote + "\u201D";
    if (!s.seed.empty()) {
        if (!out.empty()) out += " ";
        out += "(källa " + s.seed + (s.pages.empty() ? "" : ", s. " + s.pages) + ")";
    }
    return out;
}

}  // namespace

// Every object below writes its keys in JCS order (the writer checks it).
void write_certificate_content(JcsWriter& w, const Certificate& c) {
    w.begin_object();
    w.member("completed_on", c.completed_on.to_string());
    w.key("component").begin_object().member("id", c.component).member("label", c.component_label).end_object();
    if (c.hours) w.member("hours", *c.hours);
    w.key("issuer").begin_object().member("organisation", c.issuer).end_object();
    w.member("language", c.language);
    w.key("parts").begin_array();
    for (const auto& p : c.parts) {
        w.begin_object().member("date", p.date.to_string());
        if (p.homework_submitted) w.member("homework_submitted", p.homework_submitted->to_string());
        w.member("id", p.id).member("label", p.label);
        if (!p.round.empty()) w.member("round", p.round);
        w.end_object();
    }
    w.end_array();
    w.member("person", c.person);
    w.key("program").begin_object().member("id", c.program).member("title", c.program_title).member("version", c.program_version);
    w.end_object();
    w.key("source").begin_object();
    if (!c.source.assumption.empty()) w.member("assumption", c.source.assumption);
    w.member("pages", c.source.pages);
    if (!c.source.quote.empty()) w.member("quote", c.source.quote);
    w.member("seed", c.source.seed).end_object();
    w.end_object();
}

std::string credential_context_text() {
    std::string out;
    JcsWriter w(out);
    w.begin_array().string(vc_context_v2).string(ob_context_v3).raw(certificate_context).end_array();
    return out;
}

std::string credential_text(const Certificate& c, const IssuerProfile& issuer, std::string_view valid_from,
                            const SignOptions& options, std::size_t* proof_at) {
    std::string out;
    out.reserve(6144);
    JcsWriter w(out);
    w.begin_object();
    static const std::string context = credential_context_text();
    w.key("@context").raw(context);
    if (!options.status_list.empty()) {
        // W3C Bitstring Status List v1.0, 2.1 (BitstringStatusListEntry).
        const std::string index = std::to_string(options.status_list_index);
        w.key("credentialStatus").begin_object();
        w.member("id", options.status_list + "#" + index);
        w.member("statusListCredential", options.status_list);
        w.member("statusListIndex", index);
        w.member("statusPurpose", "revocation");
        w.member("type", "BitstringStatusListEntry");
        w.end_object();
    }

    w.key("credentialSubject").begin_object();
    {
        const std::string narrative = source_text(c.source);
        w.key("achievement").begin_object();
        w.member("achievementType", "CertificateOfCompletion");
        w.key("criteria").begin_object();
        w.member("narrative", narrative.empty() ? "Kraven för " + c.component_label + " i " + c.program_title + " är uppfyllda."
                                                : narrative);
        w.end_object();
        w.member("description", c.component_label + " i " + c.program_title + " (" + c.program + ", version " +
                                    c.program_version + ").");
        w.member("id", "urn:yrkesresan:achievement:" + urn_part(c.program) + ":" + urn_part(c.program_version) + ":" +
                           urn_part(c.component));
        w.member("name", c.component_label);
        w.key("type").strings({"Achievement"});
        w.member("version", c.program_version);
        w.end_object();
        // The pseudonymous person id, in plain text: it is already a pseudonym.
        w.key("identifier").begin_array().begin_object();
        w.member("hashed", false).member("identityHash", c.person).member("identityType", "identifier");
        w.member("type", "IdentityObject");
        w.end_object().end_array();
        w.key("type").strings({"AchievementSubject"});
    }
    w.end_object();

    w.member("description", c.component_label + ", " + c.program_title + ": genomfört " + c.completed_on.to_string() +
                                (c.hours ? ", " + hours_text(*c.hours) + " timmar." : "."));
    w.key("evidence").begin_array();
    for (const auto& p : c.parts) {
        w.begin_object().member("description", part_description(p)).member("name", p.label);
        w.key("type").strings({"Evidence"});
        w.end_object();
    }
    w.end_array();
    w.member("id", c.id);
    w.key("issuer").begin_object();
    if (!issuer.email.empty()) w.member("email", issuer.email);
    w.member("id", issuer.id).member("name", issuer.name);
    w.key("type").strings({"Profile"});
    if (!issuer.url.empty()) w.member("url", issuer.url);
    w.end_object();
    w.member("name", c.component_label);
    if (proof_at) *proof_at = out.size();  // "proof" sorts between "name" and "type"
    w.key("type").strings({"VerifiableCredential", "OpenBadgeCredential"});
    w.member("validFrom", valid_from);
    w.key(content_member);
    write_certificate_content(w, c);
    w.end_object();
    return out;
}

namespace {
void check_issuer(const IssuerProfile& issuer) {
    if (issuer.id.empty()) throw Error(ErrorCode::invalid_value, "", "the issuer's id (a DID or URL) is required");
    if (issuer.id.find(':') == std::string::npos)
        throw Error(ErrorCode::invalid_value, "", "the issuer's id must be a URI (a DID or URL)");
    if (issuer.name.empty()) throw Error(ErrorCode::invalid_value, "", "the issuer's name is required");
}

void check_status_option(const SignOptions& options) {
    if (options.status_list.empty()) return;
    if (options.status_list.find(':') == std::string::npos || options.status_list.find('#') != std::string::npos)
        throw Error(ErrorCode::invalid_value, "", "the status list must be the URL of a status list credential");
    if (options.status_list_index >= max_status_list_size)
        throw Error(ErrorCode::invalid_value, "", "the status list index is beyond the largest list");
}

}  // namespace

// The key a proof names: a DID issuer signs with one of its DID's methods, so
// that a verifier finds the issuer in control of the key (VC 2.0's
// verification-method controller check).
std::string signing_method(const IssuerProfile& issuer, const SigningKey& key, std::string_view requested) {
    const bool did = issuer.id.rfind("did:", 0) == 0;
    const bool did_key = issuer.id.rfind("did:key:", 0) == 0;
    if (did_key && issuer.id != key.did_key())
        throw Error(ErrorCode::invalid_value, "", "a did:key issuer signs with its own key: the key's did:key differs");
    std::string method(requested);
    if (method.empty()) method = did && !did_key ? issuer.id + "#key-1" : key.did_key_verification_method();
    if (did && (method.size() <= issuer.id.size() + 1 || method.compare(0, issuer.id.size() + 1, issuer.id + "#") != 0))
        throw Error(ErrorCode::invalid_value, "",
                    "the verification method must be one of the issuer DID's own (did#fragment)");
    return method;
}

namespace {

std::string checked_time(const std::string& t, const char* what) {
    if (!parse_date_time_stamp(t))
        throw Error(ErrorCode::invalid_value, "", std::string(what) + " is not an xsd:dateTimeStamp (YYYY-MM-DDThh:mm:ssZ)");
    return t;
}
}  // namespace

}  // namespace detail

std::string open_badge_credential(const Certificate& certificate, const IssuerProfile& issuer, const SignOptions& options) {
    detail::check_issuer(issuer);
    const std::string valid_from = options.valid_from.empty() ? certificate.completed_on.to_string() + "T00:00:00Z"
                                                              : detail::checked_time(options.valid_from, "valid_from");
    detail::check_status_option(options);
    return detail::credential_text(certificate, issuer, valid_from, options, nullptr);
}

// eddsa-jcs-2022 over the credential the library writes: the same algorithm
// as detail::create_proof (data_integrity.cpp), on text written in canonical
// form directly, so that signing costs little beyond the signature (the
// tests check that both give the same bytes).
std::string sign_certificate(const Certificate& certificate, const IssuerProfile& issuer, const SigningKey& key,
                             const SignOptions& options) {
    detail::check_issuer(issuer);
    detail::check_status_option(options);
    detail::ensure_sodium();
    const std::string valid_from = options.valid_from.empty() ? certificate.completed_on.to_string() + "T00:00:00Z"
                                                              : detail::checked_time(options.valid_from, "valid_from");
    const std::string created = options.created.empty() ? valid_from : detail::checked_time(options.created, "created");
    const std::string method = detail::signing_method(issuer, key, options.verification_method);

    std::size_t proof_at = 0;
    const std::string document = detail::credential_text(certificate, issuer, valid_from, options, &proof_at);
    // No @context in the proof (3.3.2 makes it optional; the document's is
    // hashed with the document): Digital Bazaar's verifier compares @context
    // entries by identity, so a proof repeating the inline context object
    // would never match it there.
    const auto write_proof = [&](std::string& out, const std::string* proof_value) {
        detail::JcsWriter w(out);
        w.begin_object();
        w.member("created", created).member("cryptosuite", "eddsa-jcs-2022").member("proofPurpose", "assertionMethod");
        if (proof_value) w.member("proofValue", *proof_value);
        w.member("type", "DataIntegrityProof").member("verificationMethod", method);
        w.end_object();
    };
    std::string proof_config;
    write_proof(proof_config, nullptr);
    const auto proof_hash = detail::sha256_bytes(proof_config);
    const auto document_hash = detail::sha256_bytes(document);
    std::uint8_t data[64];
    std::copy(proof_hash.begin(), proof_hash.end(), data);
    std::copy(document_hash.begin(), document_hash.end(), data + 32);
    const auto signature = detail::ed25519_sign(data, sizeof data, detail::secret_key_bytes(key));
    const std::string proof_value = "z" + detail::base58btc_encode(signature.data(), signature.size());

    std::string out;
    out.reserve(document.size() + proof_config.size() + 128);
    // A proof set of one, as Open Badges 3.0's JSON Schema requires an array;
    // the hashed document is the same (without "proof" either way).
    out.append(document, 0, proof_at);
    out += ",\"proof\":[";
    write_proof(out, &proof_value);
    out += ']';
    out.append(document, proof_at, std::string::npos);
    return out;
}

std::vector<TrustedIssuer> trusted_issuers_from_json(std::string_view json) {
    const detail::Document document(detail::parse_json(json, detail::trusted_issuers_limits));
    const auto& doc = document.get();
    detail::Diagnostics diag;
    std::vector<TrustedIssuer> out;
    detail::ObjectReader root(doc, "", diag, {"issuers"});
    if (const auto* issuers = root.array("issuers", true)) {
        for (std::size_t i = 0; i < issuers->size(); ++i) {
            const std::string path = "/issuers/" + std::to_string(i);
            detail::ObjectReader r((*issuers)[i], path, diag, {"id", "name", "keys", "didDocument"});
            if (!r.ok()) continue;
            TrustedIssuer t;
            const auto* did_document = r.object("didDocument");
            if (did_document) t = detail::read_did_document(*did_document, r.path("didDocument"), diag);
            const std::string document_id = t.id;
            t.id = r.string("id", !did_document).value_or(document_id);
            if (did_document && !document_id.empty() && t.id != document_id)
                diag.add(ErrorCode::invalid_value, r.path("id"), "the id differs from its DID document's");
            t.name = r.string("name").value_or("");
            // A did:key is its own key; a DID document lists them.
            const bool keys_needed = !did_document && t.id.rfind("did:key:", 0) != 0;
            if (const auto* keys = r.array("keys", keys_needed)) {
                for (std::size_t k = 0; k < keys->size(); ++k) {
                    const std::string kpath = path + "/keys/" + std::to_string(k);
                    detail::ObjectReader kr((*keys)[k], kpath, diag, {"publicKeyMultibase", "verificationMethod"});
                    if (!kr.ok()) continue;
                    TrustedKey key;
                    key.public_key_multibase = kr.string("publicKeyMultibase", true).value_or("");
                    key.verification_method = kr.string("verificationMethod").value_or("");
                    if (kr.has("publicKeyMultibase") && !detail::parse_ed25519_public_multibase(key.public_key_multibase))
                        diag.add(ErrorCode::invalid_value, kr.path("publicKeyMultibase"),
                                 "not a Multikey Ed25519 public key (z6Mk...)");
                    t.keys.push_back(std::move(key));
                }
            }
            if (r.has("id") && t.id.empty()) diag.add(ErrorCode::invalid_value, r.path("id"), "an issuer id must not be empty");
            out.push_back(std::move(t));
        }
    }
    diag.throw_if_any();
    return out;
}

std::string canonicalize_json(std::string_view json_text) { return detail::canonicalize(json_text); }

std::string_view to_string(VerifyStatus status) noexcept {
    switch (status) {
        case VerifyStatus::ok: return "ok";
        case VerifyStatus::malformed: return "malformed";
        case VerifyStatus::wrong_cryptosuite: return "wrong_cryptosuite";
        case VerifyStatus::unknown_issuer: return "unknown_issuer";
        case VerifyStatus::bad_signature: return "bad_signature";
        case VerifyStatus::not_yet_valid: return "not_yet_valid";
        case VerifyStatus::expired: return "expired";
        case VerifyStatus::revoked: return "revoked";
        case VerifyStatus::status_unavailable: return "status_unavailable";
    }
    return "malformed";
}

YRKESRESAN_END_NAMESPACE
