// Text into HTML: the five characters that could end an element or an
// attribute are written as entities. Every string from data or a record goes
// through here before it reaches a page.
#pragma once

#include "yrkesresan/version.hpp"

#include <string>
#include <string_view>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

inline void append_html_escaped(std::string_view text, std::string& out) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

inline std::string html_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_html_escaped(text, out);
    return out;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
