// Certificates that travel: an intyg (certificate.hpp) as a W3C Verifiable
// Credential 2.0 / Open Badges 3.0 OpenBadgeCredential, secured with the W3C
// Data Integrity cryptosuite eddsa-jcs-2022 (Ed25519 over RFC 8785 JSON
// Canonicalization), verifiable offline against a list of trusted issuers.
//
// The issuer's identity and key always come from the host system: the
// library never makes a key on its own, never writes one to a message or a
// log, and has no clock (times are passed in).
#pragma once

#include "yrkesresan/version.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/certificate.hpp"

YRKESRESAN_BEGIN_NAMESPACE

namespace detail {
struct SigningKeyAccess;
}

// An Ed25519 signing key. The secret is wiped from memory when the object
// is destroyed; no function prints it except private_key_multibase(), which
// exists so that a key set-up tool can store a generated key.
class SigningKey {
public:
    static constexpr std::size_t seed_size = 32;

    // From the 32-byte RFC 8032 private key (seed). Throws Error(invalid_value)
    // for another size.
    static SigningKey from_seed(const std::uint8_t* seed, std::size_t size);
    // From a Multikey private key, "z3u2..." (multicodec ed25519-priv + seed).
    static SigningKey from_multibase(std::string_view private_key_multibase);
    // A new random key from libsodium's CSPRNG. Only for an explicit key
    // set-up step: signing never calls this.
    static SigningKey generate();

    SigningKey(const SigningKey& other) noexcept;
    SigningKey& operator=(const SigningKey& other) noexcept;
    ~SigningKey();

    const std::array<std::uint8_t, 32>& public_key() const noexcept { return public_; }
    // Multikey public key, "z6Mk...".
    std::string public_key_multibase() const;
    // "did:key:z6Mk..." and its verification method "did:key:z6Mk...#z6Mk...".
    std::string did_key() const;
    std::string did_key_verification_method() const;
    // The secret as a Multikey, "z3u2...": handle like the key itself.
    std::string private_key_multibase() const;

private:
    friend struct detail::SigningKeyAccess;  // the library's signing code reads the secret
    SigningKey() = default;
    std::array<std::uint8_t, 64> secret_{};  // libsodium's seed || public key
    std::array<std::uint8_t, 32> public_{};
};

// The issuing organisation, as the credential names it (Open Badges Profile).
// Its id is best a DID that controls the signing key (did:web for a
// municipality, or the key's did:key): verifiers outside the library accept a
// credential only when the issuer controls the key that signed it. An https
// URL works only with verifiers whose trusted-issuer list binds it to its keys.
struct IssuerProfile {
    std::string id;     // a URI: DID or https URL (issuer.id); required
    std::string name;   // issuer.name; required
    std::string url;    // optional homepage (issuer.url)
    std::string email;  // optional contact (issuer.email)
};

struct SignOptions {
    // The URL of the key (proof.verificationMethod). Empty: "<did>#key-1" for
    // an issuer whose id is a DID other than did:key (the first key of the
    // document did_document writes), else the key's did:key method. For a DID
    // issuer it must be one of that DID's methods ("<did>#...").
    std::string verification_method;
    // xsd:dateTimeStamp, e.g. "2026-11-02T09:00:00Z" (validFrom); empty: the
    // completion date at 00:00:00Z, so that signing is deterministic.
    std::string valid_from;
    // proof.created, xsd:dateTimeStamp; empty: valid_from.
    std::string created;
    // Revocation (W3C Bitstring Status List): the URL of the issuer's status
    // list credential (status_list_credential) and this credential's index in
    // it. Empty: no credentialStatus. The host hands out indices, each once.
    std::string status_list{};
    std::uint64_t status_list_index = 0;
};

// The OpenBadgeCredential of `certificate`, unsigned, in canonical (JCS) form.
std::string open_badge_credential(const Certificate& certificate, const IssuerProfile& issuer,
                                  const SignOptions& options = {});

// The OpenBadgeCredential of `certificate` with an eddsa-jcs-2022 proof, in
// canonical (JCS) form. Deterministic: the same certificate, issuer, key and
// options give the same bytes (Ed25519 signatures are deterministic). Throws
// Error(invalid_value) for a missing issuer id or name, or a malformed time.
std::string sign_certificate(const Certificate& certificate, const IssuerProfile& issuer, const SigningKey& key,
                             const SignOptions& options = {});

// One issuer the host trusts, with the keys it may sign with.
struct TrustedKey {
    std::string public_key_multibase;  // "z6Mk..."
    // The URL a proof names for this key; empty: the key's did:key method.
    std::string verification_method;
};
struct TrustedIssuer {
    // issuer.id as the credentials carry it. A DID issuer signs only with
    // methods of its own DID ("<did>#..."); a did:key issuer needs no keys
    // listed (the DID is the key).
    std::string id;
    std::string name;  // for the host's display; not compared
    std::vector<TrustedKey> keys;
};

// Reads a trusted-issuer list:
// {"issuers": [{"id": "...", "name": "...", "keys": [{"publicKeyMultibase":
// "z6Mk...", "verificationMethod": "..."}], "didDocument": {...}}]}.
// "verificationMethod" is optional; "keys" may be left out for a did:key id or
// when "didDocument" (the issuer's did.json, held by the host) gives them.
// Throws Error with a JSON Pointer to the problem.
std::vector<TrustedIssuer> trusted_issuers_from_json(std::string_view json);

// ---- Issuer identity: DIDs ----------------------------------------------------

// The did:web of an https URL (W3C did:web method): "https://www.ale.se" is
// "did:web:www.ale.se", "https://ale.se/social" is "did:web:ale.se:social", a
// port is written %3A. Throws Error(invalid_value) for a URL that is not
// https or has user info, a query, a fragment or characters outside RFC 3986's
// unreserved set in its path.
std::string did_web_from_url(std::string_view https_url);
// Where a did:web's document is published: "https://www.ale.se/.well-known/
// did.json", "https://ale.se/social/did.json". Throws Error(invalid_value)
// for a DID that is not did:web.
std::string did_web_document_url(std::string_view did);
// The DID document (did.json) an issuer publishes so that verifiers find its
// keys: each key a Multikey verification method "<did>#key-1", "#key-2"...
// in the order given (for a did:key, the one key as "<did>#<key>"), each an
// assertionMethod. Canonical JSON. Throws Error(invalid_value) for a DID
// without method, no key, a key that is not "z6Mk...", or a did:key with
// another key than its own.
std::string did_document(std::string_view did, const std::vector<std::string>& public_keys_multibase);
// An issuer to trust, read from its DID document (did.json as the host holds
// it; nothing is fetched): the Ed25519 Multikeys it names as assertionMethod,
// each with its method id. Throws Error with a JSON Pointer when the document
// is not a DID document or names no such key.
TrustedIssuer trusted_issuer_from_did_document(std::string_view did_document_json, std::string name = "");

// Why a credential was or was not accepted. Stable snake_case names.
enum class VerifyStatus {
    ok,
    malformed,          // not JSON, duplicate keys, or not a credential of this format
    wrong_cryptosuite,  // a proof other than DataIntegrityProof / eddsa-jcs-2022
    unknown_issuer,     // the issuer, or its key, is not on the trusted list
    bad_signature,      // the signature does not match the content
    not_yet_valid,      // validFrom (or proof.created) after the time of verification
    expired,            // validUntil (or proof.expires) before the time of verification
    revoked,            // the issuer's status list marks the credential revoked
    status_unavailable, // it has a credentialStatus, and the host holds no usable list for it
};
std::string_view to_string(VerifyStatus status) noexcept;

struct VerifyOptions {
    // The time of verification, xsd:dateTimeStamp ("2026-11-22T10:00:00Z");
    // required: the library has no clock.
    std::string now;
    // The status list credentials the host holds (JSON text, as the issuers
    // publish them; nothing is fetched). A credential with a credentialStatus
    // is checked against the one its entry names: revoked when its bit is
    // set, status_unavailable when no list here is that issuer's, signed and
    // valid now.
    std::vector<std::string> status_lists{};
};

struct VerificationResult {
    VerifyStatus status = VerifyStatus::malformed;
    std::string message;  // English; never quotes the credential
    // Set when the credential could be read (for ok: verified).
    std::string credential_id, issuer_id, issuer_name, valid_from;
    // The certificate's content (Certificate::content_json), canonical JSON;
    // only when ok.
    std::string content_json;

    bool ok() const noexcept { return status == VerifyStatus::ok; }
    // {"status", "message", "credential_id", "issuer_id", "issuer_name",
    //  "valid_from", "content": {...} | null}
    std::string to_json() const;
};

// Verifies a signed OpenBadgeCredential against the trusted issuers. Checks,
// in order: strict JSON, the credential's shape, the cryptosuite of every
// proof, the issuer and its key for each, the signatures, the validity
// period, then revocation (VerifyOptions::status_lists). Never throws for a bad
// credential (that is a status); throws Error(invalid_value) for bad options.
VerificationResult verify_credential(std::string_view credential_json, const std::vector<TrustedIssuer>& trusted,
                                     const VerifyOptions& options);

// ---- Revocation: W3C Bitstring Status List v1.0 -------------------------------

// A new status list credential of the issuer (BitstringStatusListCredential,
// purpose revocation): 131,072 entries (16 KiB, the specification's minimum,
// so that one credential's check tells the issuer little), none revoked,
// signed with eddsa-jcs-2022 and canonical. list_url is where the host
// publishes it, and what credentials name (SignOptions::status_list).
// valid_from: its validFrom and proof.created, required (no clock).
// verification_method as SignOptions. Throws Error(invalid_value).
std::string create_status_list(std::string_view list_url, const IssuerProfile& issuer, const SigningKey& key,
                               std::string_view valid_from, std::string_view verification_method = "");
// The list with entry `index` revoked (for good: revocation is not undone),
// signed again by the list's issuer with `key` at `valid_from`. Publish the
// result in place of the old list. Throws Error(invalid_value) for text that
// is not a status list, an index beyond it, or a key the issuer's DID does
// not name.
std::string revoke_in_status_list(std::string_view status_list_credential, std::uint64_t index, const SigningKey& key,
                                  std::string_view valid_from, std::string_view verification_method = "");
// Whether entry `index` of a status list is set, for the issuer's own
// records (it does not verify the list). Throws as revoke_in_status_list.
bool status_list_revoked(std::string_view status_list_credential, std::uint64_t index);

// A printable certificate (HTML with print CSS, Swedish) of a signed
// credential: what it attests, the issuer, and how to verify it. The page
// embeds the credential itself. It does not verify: verify first.
std::string certificate_html(std::string_view credential_json);

// RFC 8785 (JCS) canonical form of JSON text, read strictly (no duplicate
// keys, UTF-8 only). Throws Error(parse_error | limit_exceeded | invalid_value).
std::string canonicalize_json(std::string_view json_text);

YRKESRESAN_END_NAMESPACE
