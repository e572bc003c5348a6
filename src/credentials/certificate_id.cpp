#include "certificate_id.hpp"

#include "crypto.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

std::string certificate_id(std::string_view certificate_key) {
    const Bytes32 digest = sha256_bytes(certificate_key);
    return "urn:yrkesresan:intyg:" + to_hex(digest.data(), digest.size()).substr(0, 32);
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
