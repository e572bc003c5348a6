// JSON Pointer -> place in the text (json_locate.hpp).
#include "json_locate.hpp"

#include <string>
#include <vector>

#include "utf8.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

constexpr std::size_t max_walk_depth = 256;

struct Unreadable {};

class Walker {
public:
    explicit Walker(std::string_view text) : s_(text) {}

    std::size_t pos() const noexcept { return p_; }
    void skip_ws() noexcept {
        while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
    }
    char peek() const noexcept { return p_ < s_.size() ? s_[p_] : '\0'; }
    void expect(char c) {
        skip_ws();
        if (peek() != c) throw Unreadable{};
        ++p_;
    }

    // A string at p_, decoded enough to compare with a pointer's token.
    std::string string() {
        if (peek() != '"') throw Unreadable{};
        ++p_;
        std::string out;
        while (p_ < s_.size() && s_[p_] != '"') {
            char c = s_[p_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (p_ >= s_.size()) throw Unreadable{};
            c = s_[p_++];
            if (const char decoded = short_escape(c)) {
                out += decoded;
                continue;
            }
            switch (c) {
                case 'u': {
                    // Keys of our formats are ASCII; anything else only has to differ.
                    if (p_ + 4 > s_.size()) throw Unreadable{};
                    const unsigned long cp = std::stoul(std::string(s_.substr(p_, 4)), nullptr, 16);
                    p_ += 4;
                    if (cp < 0x80) out += static_cast<char>(cp);
                    else out += "\xEF\xBF\xBD";
                    break;
                }
                default: out += c;
            }
        }
        if (p_ >= s_.size()) throw Unreadable{};
        ++p_;
        return out;
    }

    void skip_value(std::size_t depth) {
        if (depth > max_walk_depth) throw Unreadable{};
        skip_ws();
        const char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++p_;
            skip_ws();
            if (peek() == close) {
                ++p_;
                return;
            }
            for (;;) {
                if (c == '{') {
                    skip_ws();
                    string();
                    expect(':');
                }
                skip_value(depth + 1);
                skip_ws();
                if (peek() == close) {
                    ++p_;
                    return;
                }
                expect(',');
            }
        } else {
            // A number or a literal: up to the next delimiter.
            const std::size_t start = p_;
            while (p_ < s_.size() && s_[p_] != ',' && s_[p_] != '}' && s_[p_] != ']' && s_[p_] != ' ' &&
                   s_[p_] != '\n' && s_[p_] != '\r' && s_[p_] != '\t')
                ++p_;
            if (p_ == start) throw Unreadable{};
        }
    }

private:
    std::string_view s_;
    std::size_t p_ = 0;
};

// The reference tokens of a pointer, unescaped ("~1" -> "/", "~0" -> "~").
std::vector<std::string> tokens_of(std::string_view pointer) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        std::string t;
        for (++i; i < pointer.size() && pointer[i] != '/'; ++i) {
            if (pointer[i] == '~' && i + 1 < pointer.size()) {
                t += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                t += pointer[i];
            }
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

}  // namespace

std::optional<std::size_t> locate_pointer(std::string_view text, std::string_view pointer) {
    try {
        Walker w(text);
        w.skip_ws();
        std::size_t found = w.pos();
        for (const std::string& token : tokens_of(pointer)) {
            w.skip_ws();
            const char c = w.peek();
            if (c != '{' && c != '[') break;  // the pointer goes on past a scalar
            w.expect(c);
            w.skip_ws();
            const char close = c == '{' ? '}' : ']';
            bool hit = false;
            for (std::size_t index = 0; w.peek() != close; ++index) {
                if (index > 0) {
                    w.expect(',');
                    w.skip_ws();
                }
                const std::size_t at = w.pos();
                bool match;
                if (c == '{') {
                    match = w.string() == token;
                    w.expect(':');
                } else {
                    match = token == std::to_string(index);
                }
                if (match) {
                    found = at;
                    hit = true;
                    break;
                }
                w.skip_value(0);
                w.skip_ws();
            }
            if (!hit) break;  // a missing member or element: its container is the place
        }
        return found;
    } catch (const Unreadable&) {
        return std::nullopt;
    } catch (const std::exception&) {  // std::stoul on a malformed escape
        return std::nullopt;
    }
}

std::optional<TextPosition> pointer_position(std::string_view text, std::string_view pointer) {
    if (auto offset = locate_pointer(text, pointer)) return position_of(text, *offset);
    return std::nullopt;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
