// The JSON value of json_value.hpp and its strict reader.
#include "json_value.hpp"

#include "jcs.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <cmath>
#include <cstring>
#include <system_error>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// ---- the value --------------------------------------------------------------

JsonValue JsonValue::array(std::initializer_list<JsonValue> items) {
    JsonValue a(Kind::array);
    a.items_.assign(items.begin(), items.end());
    return a;
}

namespace {
struct KeyLess {
    bool operator()(const JsonMember& m, std::string_view key) const noexcept { return jcs_key_less(m.key, key); }
};
}  // namespace

JsonValue& JsonValue::set(std::string key, JsonValue v) {
    source_ = {};
    auto it = std::lower_bound(members_.begin(), members_.end(), std::string_view(key), KeyLess{});
    if (it != members_.end() && it->key == key) {
        it->value = std::move(v);
        return it->value;
    }
    it = members_.insert(it, JsonMember{std::move(key), std::move(v)});
    return it->value;
}

bool JsonValue::erase(std::string_view key) {
    source_ = {};
    auto it = std::lower_bound(members_.begin(), members_.end(), key, KeyLess{});
    if (it == members_.end() || it->key != key) return false;
    members_.erase(it);
    return true;
}

const JsonValue* JsonValue::find(std::string_view key) const noexcept {
    auto it = std::lower_bound(members_.begin(), members_.end(), key, KeyLess{});
    return it != members_.end() && it->key == key ? &it->value : nullptr;
}

std::optional<std::string_view> JsonValue::find_string(std::string_view key) const noexcept {
    const JsonValue* v = find(key);
    if (v && v->is_string()) return v->str();
    return std::nullopt;
}

bool operator==(const JsonValue& a, const JsonValue& b) noexcept {
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
        case JsonValue::Kind::null: return true;
        case JsonValue::Kind::boolean: return a.boolean_ == b.boolean_;
        case JsonValue::Kind::number: return a.number_ == b.number_;
        case JsonValue::Kind::string: return a.str() == b.str();
        case JsonValue::Kind::array: return a.items_ == b.items_;
        case JsonValue::Kind::object:
            return std::equal(a.members_.begin(), a.members_.end(), b.members_.begin(), b.members_.end(),
                              [](const JsonMember& x, const JsonMember& y) { return x.key == y.key && x.value == y.value; });
    }
    return false;
}

namespace {
// The code point starting at s[i] of valid UTF-8, and where the next starts.
char32_t decode_at(std::string_view s, std::size_t& i) noexcept {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1Fu) : extra == 2 ? (b & 0x0Fu) : (b & 0x07u);
    ++i;
    for (; extra > 0 && i < s.size(); --extra, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
    return cp;
}
// The first UTF-16 code unit's rank: above U+FFFF a character starts with a
// high surrogate, below U+E000..U+FFFF.
std::uint32_t utf16_rank(char32_t cp) noexcept { return cp > 0xFFFF ? 0xD800u : static_cast<std::uint32_t>(cp); }
}  // namespace

bool jcs_key_less(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i]) ++i;
    if (i == n) return a.size() < b.size();
    const auto ca0 = static_cast<unsigned char>(a[i]), cb0 = static_cast<unsigned char>(b[i]);
    if (ca0 < 0x80 && cb0 < 0x80) return ca0 < cb0;  // ASCII: the common case
    // Back to the start of the character in which they differ.
    while (i > 0 && (static_cast<unsigned char>(a[i]) & 0xC0) == 0x80) --i;
    std::size_t ia = i, ib = i;
    const char32_t ca = decode_at(a, ia), cb = decode_at(b, ib);
    const std::uint32_t ra = utf16_rank(ca), rb = utf16_rank(cb);
    if (ra != rb) return ra < rb;
    return ca < cb;  // both above U+FFFF: code point order is UTF-16 order there
}

// ---- the strict reader ------------------------------------------------------

class JsonReader {
public:
    JsonReader(std::string_view text, const InputLimits& limits, bool borrow)
        : s_(text), limits_(limits), borrow_(borrow) {}

    JsonValue document() {
        if (s_.size() > limits_.max_bytes)
            throw Error(ErrorCode::limit_exceeded, "", "document larger than " + std::to_string(limits_.max_bytes) + " bytes");
        skip_ws();
        JsonValue v = value(0);
        skip_ws();
        if (p_ != s_.size()) fail();
        return v;
    }

private:
    [[noreturn]] void fail() const { fail_at(p_); }
    [[noreturn]] void fail_at(std::size_t at) const { throw_syntax_error(s_, at); }
    bool at_end() const noexcept { return p_ >= s_.size(); }
    unsigned char peek() const noexcept { return at_end() ? 0 : static_cast<unsigned char>(s_[p_]); }

    // Skips whitespace; whether there was any (canonical text has none).
    bool skip_ws() noexcept {
        const std::size_t start = p_;
        while (p_ < s_.size()) {
            const char c = s_[p_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++p_;
        }
        return p_ != start;
    }
    void expect_literal(std::string_view lit) {
        if (s_.substr(p_, lit.size()) != lit) fail();
        p_ += lit.size();
    }

    // Marks v's text [start, p_) as canonical, when borrowing.
    void canonical(JsonValue& v, std::size_t start) const noexcept {
        if (borrow_) v.source_ = s_.substr(start, p_ - start);
    }

    JsonValue value(std::size_t depth) {
        const std::size_t start = p_;
        JsonValue v;
        switch (peek()) {
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case '"': {
                v.kind_ = JsonValue::Kind::string;
                if (string_into(v.string_, &v.borrowed_, &v.borrowed_size_)) canonical(v, start);
                return v;
            }
            case 't': expect_literal("true"); v = JsonValue(true); break;
            case 'f': expect_literal("false"); v = JsonValue(false); break;
            case 'n': expect_literal("null"); break;
            default: {
                v = JsonValue(number());
                if (borrow_) {
                    std::string text;
                    write_jcs_number(v.number_, text);
                    if (text == s_.substr(start, p_ - start)) canonical(v, start);
                }
                return v;
            }
        }
        canonical(v, start);
        return v;
    }

    void check_depth(std::size_t depth) const {
        if (depth > limits_.max_depth)
            throw Error(ErrorCode::limit_exceeded, "", "document nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    }

    JsonValue object(std::size_t depth) {
        check_depth(depth);
        const std::size_t start = p_;
        ++p_;  // '{'
        JsonValue obj(JsonValue::Kind::object);
        bool canon = !skip_ws();
        if (peek() == '}') {
            ++p_;
            if (canon) canonical(obj, start);
            return obj;
        }
        // Members gather on a stack shared by all objects (nested ones above
        // this one's), then move into a vector of the exact size.
        const std::size_t base = member_stack_.size();
        for (;;) {
            canon &= !skip_ws();
            if (peek() != '"') fail();
            std::string key;
            canon &= string_into(key, nullptr, nullptr);
            canon &= !skip_ws();
            if (peek() != ':') fail();
            ++p_;
            canon &= !skip_ws();
            member_stack_.push_back(JsonMember{std::move(key), value(depth)});
            canon &= !member_stack_.back().value.source_.empty();
            canon &= !skip_ws();
            const unsigned char c = peek();
            ++p_;
            if (c == '}') break;
            if (c != ',') fail_at(p_ - 1);
        }
        auto& members = obj.members_;
        members.reserve(member_stack_.size() - base);
        std::move(member_stack_.begin() + static_cast<std::ptrdiff_t>(base), member_stack_.end(), std::back_inserter(members));
        member_stack_.resize(base);
        // Sorted once, in JCS order; a duplicate ends up beside its twin.
        // Documents written in JCS order (ours) are already sorted.
        auto less = [](const JsonMember& a, const JsonMember& b) { return jcs_key_less(a.key, b.key); };
        if (!std::is_sorted(members.begin(), members.end(), less)) {
            canon = false;
            std::sort(members.begin(), members.end(), less);
        }
        for (std::size_t i = 1; i < members.size(); ++i)
            if (members[i - 1].key == members[i].key)
                {
                const TextPosition pos = position_of(s_, start);
                throw Error(ErrorCode::parse_error, "", "an object has the same key twice (the object at line " +
                                                            std::to_string(pos.line) + ", column " + std::to_string(pos.column) +
                                                            ", byte " + std::to_string(start) + ")");
            }
        if (canon) canonical(obj, start);
        return obj;
    }

    JsonValue array(std::size_t depth) {
        check_depth(depth);
        const std::size_t start = p_;
        ++p_;  // '['
        JsonValue arr(JsonValue::Kind::array);
        bool canon = !skip_ws();
        if (peek() == ']') {
            ++p_;
            if (canon) canonical(arr, start);
            return arr;
        }
        const std::size_t base = item_stack_.size();
        for (;;) {
            canon &= !skip_ws();
            item_stack_.push_back(value(depth));
            canon &= !item_stack_.back().source_.empty();
            canon &= !skip_ws();
            const unsigned char c = peek();
            ++p_;
            if (c == ']') break;
            if (c != ',') fail_at(p_ - 1);
        }
        arr.items_.reserve(item_stack_.size() - base);
        std::move(item_stack_.begin() + static_cast<std::ptrdiff_t>(base), item_stack_.end(), std::back_inserter(arr.items_));
        item_stack_.resize(base);
        if (canon) canonical(arr, start);
        return arr;
    }

    unsigned hex4() {
        if (p_ + 4 > s_.size()) fail();
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = s_[p_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
            else fail_at(p_ - 1);
        }
        return v;
    }

    // The end of the run of plain characters (printable ASCII but '"' and
    // '\\') from `from`.
    std::size_t plain_run(std::size_t from) const noexcept {
        return static_cast<std::size_t>(detail::plain_run(s_.data() + from, s_.data() + s_.size()) - s_.data());
    }

    // Reads the string at p_ (its opening quote). Without escapes and with a
    // place to borrow into, the value is a view of the text; else `out`
    // holds it. Returns whether the text is the string's canonical form.
    bool string_into(std::string& out, const char** borrowed, std::size_t* borrowed_size) {
        const std::size_t open = p_;
        ++p_;  // '"'
        const std::size_t begin = p_;
        bool escaped = false;
        for (;;) {
            const std::size_t run = plain_run(p_);
            if (escaped) out.append(s_.data() + p_, run - p_);
            p_ = run;
            if (at_end()) fail();
            const unsigned char c = peek();
            if (c == '"') break;
            if (c < 0x20) fail();
            if (c >= 0x80) {
                const std::size_t n = utf8_sequence_length(s_.data() + p_, s_.data() + s_.size());
                if (n == 0) fail();
                if (escaped) out.append(s_.data() + p_, n);
                p_ += n;
                continue;
            }
            // An escape: from here on the value is decoded into `out`.
            if (!escaped) {
                out.assign(s_.data() + begin, p_ - begin);
                escaped = true;
            }
            ++p_;
            if (at_end()) fail();
            const char e = s_[p_++];
            if (const char decoded = short_escape(e)) {
                out += decoded;
                continue;
            }
            switch (e) {
                case 'u': {
                    char32_t cp = hex4();
                    if (cp >= 0xDC00 && cp <= 0xDFFF) fail_at(p_ - 6);  // a lone low surrogate
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (s_.substr(p_, 2) != "\\u") fail();  // a high surrogate alone
                        p_ += 2;
                        const char32_t low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail_at(p_ - 6);
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: fail_at(p_ - 1);
            }
        }
        const std::size_t end = p_;
        ++p_;  // '"'
        if (!escaped) {
            if (borrowed && borrow_) {
                *borrowed = s_.data() + begin;
                *borrowed_size = end - begin;
            } else {
                out.assign(s_.data() + begin, end - begin);
            }
            return true;
        }
        // Escapes may still be the canonical ones ("\n", "\u001f").
        std::string canonical_text;
        write_jcs_string(out, canonical_text);
        return canonical_text == s_.substr(open, p_ - open);
    }

    double number() {
        const std::size_t start = p_;
        if (peek() == '-') ++p_;
        const auto digit = [&] { return peek() >= '0' && peek() <= '9'; };
        if (peek() == '0') {
            ++p_;
        } else if (digit()) {
            while (digit()) ++p_;
        } else {
            fail();
        }
        if (peek() == '.') {
            ++p_;
            if (!digit()) fail();
            while (digit()) ++p_;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++p_;
            if (peek() == '+' || peek() == '-') ++p_;
            if (!digit()) fail();
            while (digit()) ++p_;
        }
        double v = 0;
        const auto r = std::from_chars(s_.data() + start, s_.data() + p_, v);
        // from_chars reports a value beyond a double (or rounding to zero from
        // a non-zero text) as out of range: I-JSON cannot carry it.
        if (r.ec != std::errc() || r.ptr != s_.data() + p_ || !std::isfinite(v))
            throw Error(ErrorCode::parse_error, "", "number out of range near byte " + std::to_string(start));
        return v;
    }

    std::string_view s_;
    InputLimits limits_;
    bool borrow_;
    std::size_t p_ = 0;
    std::vector<JsonMember> member_stack_;
    std::vector<JsonValue> item_stack_;
};

JsonValue read_json_strict(std::string_view text, const InputLimits& limits) {
    return JsonReader(text, limits, false).document();
}

JsonValue read_json_borrowed(std::string_view text, const InputLimits& limits) {
    return JsonReader(text, limits, true).document();
}

// ---- nlohmann conversions ---------------------------------------------------

JsonValue from_nlohmann(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::null: return JsonValue();
        case nlohmann::json::value_t::boolean: return JsonValue(j.get<bool>());
        case nlohmann::json::value_t::number_integer: {
            const auto n = j.get<std::int64_t>();
            const auto d = static_cast<double>(n);
            if (d >= 9223372036854775808.0 || static_cast<std::int64_t>(d) != n)
                throw Error(ErrorCode::invalid_value, "", "an integer a double cannot hold exactly");
            return JsonValue(d);
        }
        case nlohmann::json::value_t::number_unsigned: {
            const auto n = j.get<std::uint64_t>();
            const auto d = static_cast<double>(n);
            if (d >= 18446744073709551616.0 || static_cast<std::uint64_t>(d) != n)
                throw Error(ErrorCode::invalid_value, "", "an integer a double cannot hold exactly");
            return JsonValue(d);
        }
        case nlohmann::json::value_t::number_float: return JsonValue(j.get<double>());
        case nlohmann::json::value_t::string: return JsonValue(j.get<std::string>());
        case nlohmann::json::value_t::array: {
            JsonValue a = JsonValue::array();
            for (const auto& item : j) a.push_back(from_nlohmann(item));
            return a;
        }
        case nlohmann::json::value_t::object: {
            JsonValue o = JsonValue::object();
            for (auto it = j.begin(); it != j.end(); ++it) o.set(it.key(), from_nlohmann(it.value()));
            return o;
        }
        default: throw Error(ErrorCode::wrong_type, "", "binary or discarded JSON values have no JCS form");
    }
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
