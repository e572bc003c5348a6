// A certificate's own document: its content as the credential carries it
// (credential.cpp), in canonical JSON.
#include "yrkesresan/certificate.hpp"

#include "credential_format.hpp"
#include "jcs.hpp"

YRKESRESAN_BEGIN_NAMESPACE

// Canonical JSON (JCS: sorted keys, no whitespace), member for member as the
// credential carries it (credential.cpp).
std::string Certificate::content_json() const {
    std::string out;
    detail::JcsWriter w(out);
    detail::write_certificate_content(w, *this);
    return out;
}

std::string Certificate::to_json() const {
    std::string out;
    detail::JcsWriter w(out);
    w.begin_object().key("content");
    detail::write_certificate_content(w, *this);
    w.member("format", 1.0).member("id", id).key("proof").null().member("type", "yrkesresan-intyg").end_object();
    return out;
}

YRKESRESAN_END_NAMESPACE
