// Certificates that travel: signing keys, Open Badges 3.0
// credentials signed with eddsa-jcs-2022, verification against trusted
// issuers, the printable page. The Python layer (yrkesresan/_credential.py)
// adds the defaults and the result type.
#include "bindings.hpp"
#include "yrkesresan/credential.hpp"

namespace yr_python {

using namespace yrkesresan;

void register_credential(py::module_& m) {
    py::class_<SigningKey>(m, "SigningKey",
                           "An Ed25519 signing key supplied by the host; never printed, wiped when freed.")
        .def_static(
            "from_seed",
            [](const py::bytes& seed) {
                const std::string s = seed;  // the 32-byte RFC 8032 private key
                return SigningKey::from_seed(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
            },
            py::arg("seed"))
        .def_static("from_multibase", &SigningKey::from_multibase, py::arg("private_key_multibase"))
        .def_static("generate", &SigningKey::generate)
        .def_property_readonly("public_key", [](const SigningKey& k) {
            return py::bytes(reinterpret_cast<const char*>(k.public_key().data()), k.public_key().size());
        })
        .def_property_readonly("public_key_multibase", &SigningKey::public_key_multibase)
        .def_property_readonly("did_key", &SigningKey::did_key)
        .def_property_readonly("did_key_verification_method", &SigningKey::did_key_verification_method)
        .def("private_key_multibase", &SigningKey::private_key_multibase)
        .def("__repr__", [](const SigningKey& k) { return "<SigningKey " + k.did_key() + ">"; });

    m.def(
        "open_badge_credential",
        [](const Certificate& certificate, const std::string& issuer_id, const std::string& issuer_name,
           const std::string& issuer_url, const std::string& issuer_email, const std::string& valid_from) {
            SignOptions options;
            options.valid_from = valid_from;
            return open_badge_credential(certificate, {issuer_id, issuer_name, issuer_url, issuer_email}, options);
        },
        py::arg("certificate"), py::arg("issuer_id"), py::arg("issuer_name"), py::arg("issuer_url"),
        py::arg("issuer_email"), py::arg("valid_from"));

    m.def(
        "sign_certificate",
        [](const Certificate& certificate, const std::string& issuer_id, const std::string& issuer_name,
           const std::string& issuer_url, const std::string& issuer_email, const SigningKey& key,
           const std::string& verification_method, const std::string& valid_from, const std::string& created,
           const std::string& status_list, std::uint64_t status_list_index) {
            const IssuerProfile issuer{issuer_id, issuer_name, issuer_url, issuer_email};
            const SignOptions options{verification_method, valid_from, created, status_list, status_list_index};
            py::gil_scoped_release release;
            return sign_certificate(certificate, issuer, key, options);
        },
        py::arg("certificate"), py::arg("issuer_id"), py::arg("issuer_name"), py::arg("issuer_url"),
        py::arg("issuer_email"), py::arg("key"), py::arg("verification_method"), py::arg("valid_from"),
        py::arg("created"), py::arg("status_list"), py::arg("status_list_index"));

    // Trusted issuers as (id, name, [(public_key_multibase, verification_method)]).
    using IssuerTuple = std::tuple<std::string, std::string, std::vector<std::pair<std::string, std::string>>>;
    m.def(
        "verify_credential",
        [](const std::string& credential, const std::vector<IssuerTuple>& trusted, const std::string& now,
           const std::vector<std::string>& status_lists) {
            std::vector<TrustedIssuer> list;
            for (const auto& [id, name, keys] : trusted) {
                TrustedIssuer t{id, name, {}};
                for (const auto& [key, method] : keys) t.keys.push_back({key, method});
                list.push_back(std::move(t));
            }
            VerificationResult r;
            {
                py::gil_scoped_release release;
                r = verify_credential(credential, list, VerifyOptions{now, status_lists});
            }
            return py::make_tuple(std::string(to_string(r.status)), r.message, r.credential_id, r.issuer_id,
                                  r.issuer_name, r.valid_from, r.content_json);
        },
        py::arg("credential"), py::arg("trusted"), py::arg("now"), py::arg("status_lists"),
        "(status, message, credential_id, issuer_id, issuer_name, valid_from, content_json)");

    m.def(
        "trusted_issuers_from_json",
        [](const std::string& text) {
            std::vector<IssuerTuple> out;
            for (const auto& t : trusted_issuers_from_json(text)) {
                std::vector<std::pair<std::string, std::string>> keys;
                for (const auto& k : t.keys) keys.emplace_back(k.public_key_multibase, k.verification_method);
                out.emplace_back(t.id, t.name, std::move(keys));
            }
            return out;
        },
        py::arg("text"));

    m.def(
        "trusted_issuer_from_did_document",
        [](const std::string& text, const std::string& name) {
            const TrustedIssuer t = trusted_issuer_from_did_document(text, name);
            std::vector<std::pair<std::string, std::string>> keys;
            for (const auto& k : t.keys) keys.emplace_back(k.public_key_multibase, k.verification_method);
            return IssuerTuple(t.id, t.name, std::move(keys));
        },
        py::arg("did_document"), py::arg("name"));
    m.def("did_web_from_url", &did_web_from_url, py::arg("https_url"));
    m.def("did_web_document_url", &did_web_document_url, py::arg("did"));
    m.def("did_document", &did_document, py::arg("did"), py::arg("public_keys_multibase"));
    m.def(
        "create_status_list",
        [](const std::string& list_url, const std::string& issuer_id, const std::string& issuer_name, const SigningKey& key,
           const std::string& valid_from, const std::string& verification_method) {
            return create_status_list(list_url, {issuer_id, issuer_name, "", ""}, key, valid_from, verification_method);
        },
        py::arg("list_url"), py::arg("issuer_id"), py::arg("issuer_name"), py::arg("key"), py::arg("valid_from"),
        py::arg("verification_method"));
    m.def("revoke_in_status_list", &revoke_in_status_list, py::arg("status_list"), py::arg("index"), py::arg("key"),
          py::arg("valid_from"), py::arg("verification_method"));
    m.def("status_list_revoked", &status_list_revoked, py::arg("status_list"), py::arg("index"));

    m.def("certificate_html", &certificate_html, py::arg("credential"));
    m.def("canonicalize_json", &canonicalize_json, py::arg("text"));
}

}  // namespace yr_python
