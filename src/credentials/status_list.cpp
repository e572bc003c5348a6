// Revocation with W3C Bitstring Status List v1.0: the issuer's status list
// credential (a GZIP-compressed bitstring, multibase base64url, signed with
// eddsa-jcs-2022), revoking an entry, and the verifier's check of a
// credential's BitstringStatusListEntry against the lists the host holds.
#include <zlib.h>

#include <cstring>

#include "credential_format.hpp"
#include "crypto.hpp"
#include "data_integrity.hpp"
#include "date_time.hpp"
#include "jcs.hpp"
#include "signing_key_secret.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

constexpr char base64url_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// Status lists are read whole; the largest list (2^26 entries) is 8 MiB of
// bits, and its compressed form at most about that.
constexpr InputLimits status_list_limits{16u << 20, 16, 12u << 20, 64, 1000};

std::string base64url(const std::vector<std::uint8_t>& data) {
    std::string out;
    out.reserve((data.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
        for (int s = 18; s >= 0; s -= 6) out += base64url_alphabet[(n >> s) & 63];
    }
    if (i + 1 == data.size()) {
        const std::uint32_t n = std::uint32_t{data[i]} << 16;
        out += base64url_alphabet[(n >> 18) & 63];
        out += base64url_alphabet[(n >> 12) & 63];
    } else if (i + 2 == data.size()) {
        const std::uint32_t n = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
        for (int s = 18; s >= 6; s -= 6) out += base64url_alphabet[(n >> s) & 63];
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> from_base64url(std::string_view text) {
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (const char c : text) {
        const char* at = std::strchr(base64url_alphabet, c);
        if (c == '\0' || at == nullptr) return std::nullopt;  // padding is not part of base64url here
        acc = (acc << 6) | static_cast<std::uint32_t>(at - base64url_alphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>(acc >> bits));
        }
    }
    if (bits >= 6) return std::nullopt;  // a lone character cannot end the text
    return out;
}

std::vector<std::uint8_t> gzip(const std::vector<std::uint8_t>& data) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::bad_alloc();
    std::vector<std::uint8_t> out(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
    z.next_in = const_cast<Bytef*>(data.data());
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::bad_alloc();
    return out;
}

// nullopt for data that is not one GZIP member, or inflates past `limit`.
std::optional<std::vector<std::uint8_t>> gunzip(const std::vector<std::uint8_t>& data, std::size_t limit) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) throw std::bad_alloc();
    std::vector<std::uint8_t> out(std::min<std::size_t>(limit, 1u << 16));
    z.next_in = const_cast<Bytef*>(data.data());
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (z.total_out == out.size()) {
            if (out.size() >= limit) break;
            out.resize(std::min(limit, out.size() * 2));
        }
        z.next_out = out.data() + z.total_out;
        z.avail_out = static_cast<uInt>(out.size() - z.total_out);
        rc = inflate(&z, Z_NO_FLUSH);
    }
    const bool whole = rc == Z_STREAM_END && z.avail_in == 0;
    out.resize(z.total_out);
    inflateEnd(&z);
    if (!whole) return std::nullopt;
    return out;
}

// Index 0 is the leftmost (most significant) bit of the first byte (3.1).
bool bit(const std::vector<std::uint8_t>& bits, std::uint64_t index) {
    return (bits[index / 8] >> (7 - index % 8)) & 1;
}

std::string encoded_list(const std::vector<std::uint8_t>& bits) { return "u" + base64url(gzip(bits)); }

std::optional<std::vector<std::uint8_t>> decoded_list(std::string_view encoded) {
    if (encoded.empty() || encoded[0] != 'u') return std::nullopt;
    const auto compressed = from_base64url(encoded.substr(1));
    if (!compressed) return std::nullopt;
    auto bits = gunzip(*compressed, max_status_list_size / 8);
    if (!bits || bits->empty()) return std::nullopt;
    return bits;
}

std::string checked_time(std::string_view t) {
    if (!parse_date_time_stamp(t))
        throw Error(ErrorCode::invalid_value, "", "valid_from is not an xsd:dateTimeStamp (YYYY-MM-DDThh:mm:ssZ)");
    return std::string(t);
}

// The signed status list credential (3.2 BitstringStatusListCredential).
std::string signed_list(std::string_view list_url, const IssuerProfile& issuer, const SigningKey& key,
                        std::string_view valid_from, std::string_view method_requested,
                        const std::vector<std::uint8_t>& bits) {
    const std::string method = signing_method(issuer, key, method_requested);
    JsonValue doc = JsonValue::object();
    doc.set("@context", JsonValue::array({vc_context_v2}));
    doc.set("id", list_url);
    doc.set("type", JsonValue::array({"VerifiableCredential", "BitstringStatusListCredential"}));
    JsonValue issuer_object = JsonValue::object();
    issuer_object.set("id", issuer.id);
    issuer_object.set("name", issuer.name);
    doc.set("issuer", std::move(issuer_object));
    doc.set("validFrom", std::string(valid_from));
    JsonValue subject = JsonValue::object();
    subject.set("id", std::string(list_url) + "#list");
    subject.set("type", "BitstringStatusList");
    subject.set("statusPurpose", "revocation");
    subject.set("encodedList", encoded_list(bits));
    doc.set("credentialSubject", std::move(subject));
    JsonValue options = JsonValue::object();
    options.set("type", "DataIntegrityProof");
    options.set("cryptosuite", "eddsa-jcs-2022");
    options.set("created", std::string(valid_from));
    options.set("proofPurpose", "assertionMethod");
    options.set("verificationMethod", method);
    JsonValue proofs = JsonValue::array();
    proofs.push_back(create_proof(doc, options, detail::secret_key_bytes(key)));
    doc.set("proof", std::move(proofs));
    return jcs(doc);
}

std::string_view issuer_id_of(const JsonValue& doc) {
    const JsonValue* issuer = doc.find("issuer");
    if (!issuer) return {};
    if (issuer->is_string()) return issuer->str();
    return issuer->find_string("id").value_or(std::string_view{});
}

// The bits of a status list credential, read (not verified) for the issuer's
// own updates; throws Error(invalid_value) when it is not one.
struct ReadList {
    JsonValue doc;
    std::vector<std::uint8_t> bits;
};
ReadList read_list(std::string_view text) {
    ReadList out{read_json_strict(text, status_list_limits), {}};
    const JsonValue* subject = out.doc.find("credentialSubject");
    const auto encoded = subject ? subject->find_string("encodedList") : std::nullopt;
    auto bits = encoded ? decoded_list(*encoded) : std::nullopt;
    if (!out.doc.find_string("id") || !bits)
        throw Error(ErrorCode::invalid_value, "", "not a status list credential (BitstringStatusListCredential with encodedList)");
    out.bits = std::move(*bits);
    return out;
}

}  // namespace

StatusCheck check_status(const JsonValue& status, const TrustedIssuer& issuer, const std::vector<std::string>& lists,
                         const Instant& now, std::string& message) {
    std::vector<const JsonValue*> entries;
    if (status.is_array())
        for (const auto& e : status.items()) entries.push_back(&e);
    else
        entries.push_back(&status);
    for (const JsonValue* entry : entries) {
        if (!entry->is_object() || entry->find_string("type") != std::optional<std::string_view>("BitstringStatusListEntry")) {
            message = "a credentialStatus of a kind the library cannot check";
            return StatusCheck::unavailable;
        }
        const auto purpose = entry->find_string("statusPurpose");
        const auto index_text = entry->find_string("statusListIndex");
        const auto list_url = entry->find_string("statusListCredential");
        if (!purpose || !index_text || !list_url || index_text->empty() || index_text->size() > 19 ||
            index_text->find_first_not_of("0123456789") != std::string_view::npos) {
            message = "a BitstringStatusListEntry lacks its purpose, list or index";
            return StatusCheck::malformed;
        }
        if (*purpose != "revocation") {
            message = "a status purpose other than revocation, which the library does not check";
            return StatusCheck::unavailable;
        }
        const std::uint64_t index = std::stoull(std::string(*index_text));

        // The host's copy of the list, verified as any credential of the issuer.
        const JsonValue* found = nullptr;
        std::vector<JsonValue> read;
        read.reserve(lists.size());
        for (const auto& text : lists) {
            try {
                read.push_back(read_json_strict(text, status_list_limits));
            } catch (const Error&) {
                continue;  // not a list at all: it cannot be the one
            }
            if (read.back().find_string("id") == list_url) {
                found = &read.back();
                break;
            }
        }
        if (!found) {
            message = "the host holds no status list for this credential";
            return StatusCheck::unavailable;
        }
        const auto unavailable = [&](const char* why) {
            message = std::string("the status list cannot be used: ") + why;
            return StatusCheck::unavailable;
        };
        const JsonValue& list = *found;
        bool typed = false;
        if (const JsonValue* type = list.find("type"); type && type->is_array())
            for (const auto& t : type->items()) typed = typed || (t.is_string() && t.str() == "BitstringStatusListCredential");
        if (!typed) return unavailable("it is not a BitstringStatusListCredential");
        if (issuer_id_of(list) != issuer.id) return unavailable("another issuer signed it");
        const JsonValue* proof = list.find("proof");
        if (!proof || (!proof->is_object() && !(proof->is_array() && !proof->items().empty())))
            return unavailable("it has no proof");
        std::vector<const JsonValue*> proofs;
        if (proof->is_array())
            for (const auto& p : proof->items()) proofs.push_back(&p);
        else
            proofs.push_back(proof);
        for (const JsonValue* p : proofs) {
            const auto method = p->is_object() ? p->find_string("verificationMethod") : std::nullopt;
            const auto key = method ? trusted_key(issuer, *method) : std::nullopt;
            if (!key) return unavailable("it is not signed by a trusted key of the issuer");
            if (p->find("previousProof") || p->find_string("proofPurpose") != std::optional<std::string_view>("assertionMethod") ||
                verify_proof(list, *p, *key) != ProofCheck::ok)
                return unavailable("its signature does not verify");
        }
        const auto at = [&](const char* key) {
            const auto s = list.find_string(key);
            return s ? parse_date_time_stamp(*s) : std::nullopt;
        };
        if (list.find("validFrom") && (!at("validFrom") || now < *at("validFrom")))
            return unavailable("it is not yet valid");
        if (list.find("validUntil") && (!at("validUntil") || *at("validUntil") < now)) return unavailable("it has expired");
        const JsonValue* subject = list.find("credentialSubject");
        if (!subject || subject->find_string("type") != std::optional<std::string_view>("BitstringStatusList") ||
            subject->find_string("statusPurpose") != purpose)
            return unavailable("it is not a revocation list");
        const auto encoded = subject->find_string("encodedList");
        const auto bits = encoded ? decoded_list(*encoded) : std::nullopt;
        if (!bits) return unavailable("its encodedList is not a GZIP bitstring in base64url");
        if (index >= bits->size() * 8) return unavailable("the credential's index is beyond the list");
        if (bit(*bits, index)) {
            message = "the issuer has revoked the credential";
            return StatusCheck::revoked;
        }
    }
    return StatusCheck::ok;
}

}  // namespace detail

std::string create_status_list(std::string_view list_url, const IssuerProfile& issuer, const SigningKey& key,
                               std::string_view valid_from, std::string_view verification_method) {
    if (list_url.find(':') == std::string_view::npos || list_url.find('#') != std::string_view::npos)
        throw Error(ErrorCode::invalid_value, "", "the status list's id must be a URL without fragment");
    if (issuer.id.empty() || issuer.name.empty())
        throw Error(ErrorCode::invalid_value, "", "the issuer's id and name are required");
    const std::vector<std::uint8_t> bits(detail::status_list_size / 8, 0);
    return detail::signed_list(list_url, issuer, key, detail::checked_time(valid_from), verification_method, bits);
}

std::string revoke_in_status_list(std::string_view status_list_credential, std::uint64_t index, const SigningKey& key,
                                  std::string_view valid_from, std::string_view verification_method) {
    auto list = detail::read_list(status_list_credential);
    if (index >= list.bits.size() * 8) throw Error(ErrorCode::invalid_value, "", "the index is beyond the status list");
    list.bits[index / 8] = static_cast<std::uint8_t>(list.bits[index / 8] | (0x80u >> (index % 8)));
    const detail::JsonValue* issuer = list.doc.find("issuer");
    IssuerProfile profile{std::string(detail::issuer_id_of(list.doc)),
                          issuer && issuer->is_object() ? std::string(issuer->find_string("name").value_or("")) : "", "", ""};
    if (profile.id.empty()) throw Error(ErrorCode::invalid_value, "", "the status list names no issuer");
    return detail::signed_list(*list.doc.find_string("id"), profile, key, detail::checked_time(valid_from),
                               verification_method, list.bits);
}

bool status_list_revoked(std::string_view status_list_credential, std::uint64_t index) {
    const auto list = detail::read_list(status_list_credential);
    return index < list.bits.size() * 8 && detail::bit(list.bits, index);
}

YRKESRESAN_END_NAMESPACE
