#include "canonical_view.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "jcs.hpp"
#include "utf8.hpp"
#include "json_value.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

class Scanner {
public:
    Scanner(std::string_view s, const InputLimits& limits, CanonicalIndex* index) : s_(s), limits_(limits), index_(index) {}

    bool document() { return s_.size() <= limits_.max_bytes && value(0) && p_ == s_.size(); }

private:
    char peek() const noexcept { return p_ < s_.size() ? s_[p_] : '\0'; }
    bool eat(char c) noexcept {
        if (peek() != c) return false;
        ++p_;
        return true;
    }

    bool value(std::size_t depth) {
        switch (peek()) {
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case '"': return string().has_value();
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            default: return number();
        }
    }

    // Records a container [begin, p_).
    bool contained(std::size_t begin) {
        if (index_) index_->containers.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(p_));
        return true;
    }

    bool literal(std::string_view lit) noexcept {
        if (s_.substr(p_, lit.size()) != lit) return false;
        p_ += lit.size();
        return true;
    }

    bool object(std::size_t depth) {
        if (depth > limits_.max_depth) return false;
        const std::size_t begin = p_;
        ++p_;  // '{'
        if (eat('}')) return contained(begin);
        std::string_view previous;
        bool first = true;
        for (;;) {
            const auto key = string();
            if (!key) return false;
            // Strictly increasing keys: in order, and no key twice.
            if (!first && !jcs_key_less(previous, *key)) return false;
            previous = *key;
            first = false;
            if (!eat(':') || !value(depth)) return false;
            if (eat('}')) return contained(begin);
            if (!eat(',')) return false;
        }
    }

    bool array(std::size_t depth) {
        if (depth > limits_.max_depth) return false;
        const std::size_t begin = p_;
        ++p_;  // '['
        if (eat(']')) return contained(begin);
        for (;;) {
            if (!value(depth)) return false;
            if (eat(']')) return contained(begin);
            if (!eat(',')) return false;
        }
    }

    // A string without escapes, its UTF-8 checked; its value.
    std::optional<std::string_view> string() {
        if (!eat('"')) return std::nullopt;
        const std::size_t begin = p_;
        for (;;) {
            while (p_ + 8 <= s_.size() && eight_plain(s_.data() + p_)) p_ += 8;
            if (p_ >= s_.size()) return std::nullopt;
            const auto c = static_cast<unsigned char>(s_[p_]);
            if (c == '"') {
                const std::string_view v = s_.substr(begin, p_ - begin);
                ++p_;
                return v;
            }
            if (c < 0x20 || c == '\\') return std::nullopt;  // escapes: the general path
            if (c < 0x80) {
                ++p_;
                continue;
            }
            const std::size_t n = utf8_sequence_length(s_.data() + p_, s_.data() + s_.size());
            if (n == 0) return std::nullopt;
            p_ += n;
        }
    }

    bool number() {
        const std::size_t start = p_;
        const auto digit = [&] { return peek() >= '0' && peek() <= '9'; };
        eat('-');
        if (eat('0')) {
        } else if (digit()) {
            while (digit()) ++p_;
        } else {
            return false;
        }
        if (eat('.')) {
            if (!digit()) return false;
            while (digit()) ++p_;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++p_;
            if (!eat('+')) eat('-');
            if (!digit()) return false;
            while (digit()) ++p_;
        }
        double v = 0;
        const auto r = std::from_chars(s_.data() + start, s_.data() + p_, v);
        if (r.ec != std::errc() || r.ptr != s_.data() + p_ || !std::isfinite(v)) return false;
        std::string text;
        write_jcs_number(v, text);
        return text == s_.substr(start, p_ - start);
    }

    std::string_view s_;
    InputLimits limits_;
    CanonicalIndex* index_;
    std::size_t p_ = 0;
};

}  // namespace

bool is_plain_canonical_json(std::string_view text, const InputLimits& limits) noexcept {
    try {
        return Scanner(text, limits, nullptr).document();
    } catch (...) {  // bad_alloc in a number's text: the general path decides
        return false;
    }
}

bool is_plain_canonical_json(std::string_view text, const InputLimits& limits, CanonicalIndex& index) noexcept {
    try {
        index.text = text.data();
        index.containers.clear();
        if (text.size() >= UINT32_MAX || !Scanner(text, limits, &index).document()) return false;
        std::sort(index.containers.begin(), index.containers.end());
        return true;
    } catch (...) {
        return false;
    }
}

std::size_t CanonicalView::skip(std::size_t p) const noexcept {
    const char c = text_[p];
    if (c == '"') return text_.find('"', p + 1) + 1;  // no escapes in scanned text
    if (c == '{' || c == '[') {
        const auto at = static_cast<std::uint32_t>(text_.data() + p - index_->text);
        const auto& spans = index_->containers;
        const auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(at, std::uint32_t{0}));
        return p + (it->second - it->first);
    }
    while (p < text_.size() && text_[p] != ',' && text_[p] != '}' && text_[p] != ']') ++p;
    return p;
}

std::optional<CanonicalView> CanonicalView::find(std::string_view key) const noexcept {
    // Members are in JCS order: stop at the first key past the one sought.
    if (!is_object()) return std::nullopt;
    std::size_t p = 1;
    while (p < text_.size() && text_[p] == '"') {
        const std::size_t key_end = text_.find('"', p + 1);
        const std::string_view k = text_.substr(p + 1, key_end - p - 1);
        if (k == key) {
            const std::size_t value_end = skip(key_end + 2);
            return CanonicalView(text_.substr(key_end + 2, value_end - key_end - 2), *index_);
        }
        if (jcs_key_less(key, k)) return std::nullopt;
        p = skip(key_end + 2) + 1;
    }
    return std::nullopt;
}

std::optional<std::string_view> CanonicalView::find_string(std::string_view key) const noexcept {
    const auto v = find(key);
    if (v && v->is_string()) return v->str();
    return std::nullopt;
}

std::size_t CanonicalView::item_count() const noexcept {
    std::size_t n = 0;
    for_each_item([&](CanonicalView) { ++n; });
    return n;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
