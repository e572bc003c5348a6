// Human messages for findings and actions, Swedish by default, English on
// request. Generic to every program: program-specific words come from the
// program data and are passed in as arguments.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "yrkesresan/evaluation.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

using MessageArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Renders the template registered for `code`, replacing {name} with args.
std::string message(std::string_view code, Language language, MessageArgs args = {});

}  // namespace detail
YRKESRESAN_END_NAMESPACE
