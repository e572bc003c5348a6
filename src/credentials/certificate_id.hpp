// A certificate's id: a URN of the first 128 bits of the SHA-256 of the
// canonical key the rules give (rules/certificate_parts.hpp).
#pragma once

#include "yrkesresan/version.hpp"

#include <string>
#include <string_view>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

std::string certificate_id(std::string_view certificate_key);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
