// Issuer identity through DIDs: did:web from a municipality's URL, the DID
// document (did.json) it publishes, and reading one back into a trusted
// issuer for offline verification (W3C DID 1.0, did:web method, Multikey of
// W3C Controlled Identifiers).
#include "did.hpp"

#include "crypto.hpp"
#include "jcs.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

bool unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::string method_id(std::string_view did, std::size_t n, std::string_view key) {
    if (did.rfind("did:key:", 0) == 0) return std::string(did) + "#" + std::string(key);
    return std::string(did) + "#key-" + std::to_string(n);
}

}  // namespace

TrustedIssuer read_did_document(const json& doc, const std::string& path, Diagnostics& diag) {
    TrustedIssuer out;
    if (!doc.is_object()) {
        diag.add(ErrorCode::wrong_type, path, "a DID document is an object");
        return out;
    }
    const auto id = doc.find("id");
    if (id == doc.end() || !id->is_string() || id->get_ref<const std::string&>().rfind("did:", 0) != 0) {
        diag.add(ErrorCode::invalid_value, path + "/id", "a DID document's id is a DID (did:...)");
        return out;
    }
    out.id = id->get<std::string>();
    // A method may be referenced by its full id or relative to the document ("#key-1").
    const auto absolute = [&](const std::string& ref) { return ref.rfind('#', 0) == 0 ? out.id + ref : ref; };
    const auto methods = doc.find("verificationMethod");
    const auto assertion = doc.find("assertionMethod");
    if (assertion == doc.end() || !assertion->is_array()) {
        diag.add(ErrorCode::invalid_value, path + "/assertionMethod", "a DID document that signs credentials lists assertionMethod");
        return out;
    }
    for (std::size_t i = 0; i < assertion->size(); ++i) {
        const json& entry = (*assertion)[i];
        const json* method = nullptr;
        if (entry.is_object()) {
            method = &entry;
        } else if (entry.is_string() && methods != doc.end() && methods->is_array()) {
            for (const auto& m : *methods)
                if (m.is_object() && m.contains("id") && m["id"].is_string() &&
                    absolute(m["id"].get<std::string>()) == absolute(entry.get<std::string>()))
                    method = &m;
        }
        const std::string at = path + "/assertionMethod/" + std::to_string(i);
        if (!method) {
            diag.add(ErrorCode::unknown_reference, at, "an assertionMethod that names no verificationMethod of the document");
            continue;
        }
        const auto text = [&](const char* key) {
            const auto it = method->find(key);
            return it != method->end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        // Other kinds of key (JsonWebKey2020...) sign with other suites: not ours.
        if (text("type") != "Multikey" && text("type") != "Ed25519VerificationKey2020") continue;
        const std::string key = text("publicKeyMultibase");
        if (!parse_ed25519_public_multibase(key)) continue;
        const std::string controller = text("controller");
        if (!controller.empty() && controller != out.id) {
            diag.add(ErrorCode::invalid_value, at, "the key is controlled by another DID than the document's");
            continue;
        }
        if (text("id").empty()) {
            diag.add(ErrorCode::invalid_value, at, "the verification method has no id");
            continue;
        }
        out.keys.push_back(TrustedKey{key, absolute(text("id"))});
    }
    if (out.keys.empty() && diag.empty())
        diag.add(ErrorCode::invalid_value, path + "/assertionMethod", "the DID document names no Ed25519 Multikey to sign with");
    return out;
}

}  // namespace detail

std::string did_web_from_url(std::string_view url) {
    constexpr std::string_view scheme = "https://";
    if (url.rfind(scheme, 0) != 0) throw Error(ErrorCode::invalid_value, "", "a did:web is made from an https URL");
    std::string_view rest = url.substr(scheme.size());
    if (rest.find_first_of("?#@") != std::string_view::npos)
        throw Error(ErrorCode::invalid_value, "", "a did:web URL has no user, query or fragment");
    const std::size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    if (path.size() >= 8 && path.substr(path.size() - 8) == "did.json")
        throw Error(ErrorCode::invalid_value, "", "give the URL of the issuer, not of its did.json");

    std::string did = "did:web:";
    const std::size_t colon = authority.find(':');
    const std::string_view host = authority.substr(0, colon);
    if (host.empty()) throw Error(ErrorCode::invalid_value, "", "the URL has no host");
    for (const char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok) throw Error(ErrorCode::invalid_value, "", "the URL's host is not a domain name");
        did += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (colon != std::string_view::npos) {
        const std::string_view port = authority.substr(colon + 1);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos)
            throw Error(ErrorCode::invalid_value, "", "the URL's port is not a number");
        did += "%3A";
        did += port;
    }
    std::size_t from = 0;
    while (from < path.size()) {
        const std::size_t end = std::min(path.find('/', from), path.size());
        const std::string_view segment = path.substr(from, end - from);
        if (segment.empty()) throw Error(ErrorCode::invalid_value, "", "the URL's path has an empty segment");
        for (const char c : segment)
            if (!detail::unreserved(c)) throw Error(ErrorCode::invalid_value, "", "the URL's path has characters a did:web cannot carry");
        did += ':';
        did += segment;
        from = end + 1;
    }
    return did;
}

std::string did_web_document_url(std::string_view did) {
    constexpr std::string_view prefix = "did:web:";
    if (did.rfind(prefix, 0) != 0 || did.size() == prefix.size() || did.find_first_of("#?/") != std::string_view::npos)
        throw Error(ErrorCode::invalid_value, "", "not a did:web (did:web:host[:path...])");
    std::string_view rest = did.substr(prefix.size());
    std::string url = "https://";
    const std::size_t colon = rest.find(':');
    std::string host(rest.substr(0, colon));
    if (const auto port = host.find("%3A"); port != std::string::npos) host.replace(port, 3, ":");
    url += host;
    if (colon == std::string_view::npos) return url + "/.well-known/did.json";
    for (char c : rest.substr(colon)) url += c == ':' ? '/' : c;
    return url + "/did.json";
}

std::string did_document(std::string_view did, const std::vector<std::string>& public_keys_multibase) {
    if (did.rfind("did:", 0) != 0 || did.find(':', 4) == std::string_view::npos || did.find('#') != std::string_view::npos)
        throw Error(ErrorCode::invalid_value, "", "not a DID (did:method:...)");
    if (public_keys_multibase.empty()) throw Error(ErrorCode::invalid_value, "", "a DID document needs a key");
    for (const auto& key : public_keys_multibase)
        if (!detail::parse_ed25519_public_multibase(key))
            throw Error(ErrorCode::invalid_value, "", "not a Multikey Ed25519 public key (z6Mk...)");
    if (did.rfind("did:key:", 0) == 0 && (public_keys_multibase.size() != 1 || did.substr(8) != public_keys_multibase[0]))
        throw Error(ErrorCode::invalid_value, "", "a did:key's document holds its own key only");

    std::string out;
    detail::JcsWriter w(out);
    w.begin_object();
    w.key("@context").strings({"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"});
    w.key("assertionMethod").begin_array();
    for (std::size_t i = 0; i < public_keys_multibase.size(); ++i)
        w.string(detail::method_id(did, i + 1, public_keys_multibase[i]));
    w.end_array();
    w.member("id", did);
    w.key("verificationMethod").begin_array();
    for (std::size_t i = 0; i < public_keys_multibase.size(); ++i) {
        w.begin_object();
        w.member("controller", did);
        w.member("id", detail::method_id(did, i + 1, public_keys_multibase[i]));
        w.member("publicKeyMultibase", public_keys_multibase[i]);
        w.member("type", "Multikey");
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return out;
}

TrustedIssuer trusted_issuer_from_did_document(std::string_view did_document_json, std::string name) {
    const detail::Document document(detail::parse_json(did_document_json, detail::trusted_issuers_limits));
    detail::Diagnostics diag;
    TrustedIssuer out = detail::read_did_document(document.get(), "", diag);
    diag.throw_if_any();
    out.name = std::move(name);
    return out;
}

YRKESRESAN_END_NAMESPACE
