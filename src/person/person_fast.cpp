// The person record read straight from its text, for the common case of a
// well-formed, valid record (person_read.hpp).
#include "person_read.hpp"

#include <cstdint>

#include "json_input.hpp"
#include "person_fields.hpp"
#include "utf8.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

using fast_person::GiveUp;

// The source of person_fields.hpp over JSON text: strings without escapes,
// integers without sign, fraction or exponent.
class Reader {
public:
    explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    void finish() {
        skip_space();
        if (p_ != end_) throw GiveUp{};
    }

    // An object's members: `member(key)` reads each value. A key twice is
    // the caller's to find (Members).
    template <class Member>
    void object(Member&& member) {
        container('{', '}', [&] {
            const std::string_view key = text();
            expect(':');
            member(key);
        });
    }
    template <class Item>
    void array(Item&& item) {
        container('[', ']', item);
    }

    // A string value (text() below).
    std::string_view string_view() {
        value();
        return text();
    }
    std::string string() { return std::string(string_view()); }
    // An id: a string that is not empty (ObjectReader::id).
    std::string id() {
        std::string s = string();
        if (s.empty()) throw GiveUp{};
        return s;
    }
    Date date() {
        const auto d = Date::parse(string_view());
        if (!d) throw GiveUp{};
        return *d;
    }
    // A plain integer literal in [0, max]: no sign, fraction or exponent.
    int integer(int max) {
        value();
        skip_space();
        const char* start = p_;
        long long n = 0;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
            n = n * 10 + (*p_ - '0');
            if (n > max) throw GiveUp{};
            ++p_;
        }
        const std::size_t digits = static_cast<std::size_t>(p_ - start);
        if (digits == 0 || (digits > 1 && *start == '0')) throw GiveUp{};
        if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) throw GiveUp{};
        return static_cast<int>(n);
    }

private:
    // Calls `each` for every item or member, no more than the limit allows.
    template <class Each>
    void container(char open_bracket, char close_bracket, Each&& each) {
        open(open_bracket);
        if (peek() == close_bracket) {
            ++p_;
        } else {
            for (std::size_t count = 1;; ++count) {
                if (count > person_limits.max_items) throw GiveUp{};
                each();
                if (!next_or(close_bracket)) break;
            }
        }
        --depth_;
    }
    // A string or key without escapes, valid UTF-8, within the string limit.
    std::string_view text() {
        expect('"');
        const char* start = p_;
        while (p_ < end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                const std::string_view s(start, static_cast<std::size_t>(p_ - start));
                ++p_;
                if (s.size() > person_limits.max_string_bytes) throw GiveUp{};
                return s;
            }
            if (c == '\\' || c < 0x20) throw GiveUp{};
            if (c < 0x80) {
                ++p_;
                continue;
            }
            const std::size_t n = utf8_sequence_length(p_, end_);
            if (n == 0) throw GiveUp{};
            p_ += n;
        }
        throw GiveUp{};
    }
    void skip_space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    char peek() {
        skip_space();
        if (p_ == end_) throw GiveUp{};
        return *p_;
    }
    void expect(char c) {
        if (peek() != c) throw GiveUp{};
        ++p_;
    }
    // ',' (true: another follows) or `close` (false).
    bool next_or(char close) {
        const char c = peek();
        ++p_;
        if (c == ',') return true;
        if (c == close) return false;
        throw GiveUp{};
    }
    void open(char bracket) {
        value();
        expect(bracket);
        if (++depth_ > person_limits.max_depth) throw GiveUp{};
    }
    void value() {
        if (++values_ > person_limits.max_values) throw GiveUp{};
    }

    const char* p_;
    const char* end_;
    std::size_t depth_ = 0, values_ = 0;
};

}  // namespace

std::optional<PersonRecord> read_person_fast(std::string_view text) {
    if (text.size() > person_limits.max_bytes) return std::nullopt;
    try {
        Reader in(text);
        PersonRecord record = fast_person::record(in);
        in.finish();
        return record;
    } catch (const GiveUp&) {
        return std::nullopt;
    }
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
