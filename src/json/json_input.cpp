#include "json_input.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "id_messages.hpp"
#include "json_dom.hpp"
#include "json_value.hpp"
#include "yrkesresan/roles.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

namespace {

std::string count_text(std::size_t n) { return std::to_string(n); }

// The ordinals (in document order, counting every number token) of the
// numbers written "-0". The parser hands -0 over as the integer 0; these are
// stored as the double -0.0 instead, so that an integer field refuses them.
std::vector<std::size_t> negative_zero_ordinals(std::string_view text) {
    std::vector<std::size_t> out;
    if (text.find("-0") == std::string_view::npos) return out;
    std::size_t ordinal = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = i;
            while (i + 1 < text.size() && ((text[i + 1] >= '0' && text[i + 1] <= '9') || text[i + 1] == '.' ||
                                           text[i + 1] == 'e' || text[i + 1] == 'E' || text[i + 1] == '+' ||
                                           text[i + 1] == '-'))
                ++i;
            if (text.substr(start, i + 1 - start) == "-0") out.push_back(ordinal);
            ++ordinal;
        }
    }
    return out;
}

}  // namespace

DomBuilder::DomBuilder(json& root, std::string_view text, const InputLimits& limits)
    : root_(root), text_(text), limits_(limits), negative_zeros_(negative_zero_ordinals(text)) {}

bool DomBuilder::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    // 406: a number beyond the range of a double (1e400); nlohmann's own
    // message quotes the input, so only the place is reported.
    if (e.id == 406) number_out_of_range();
    // nlohmann places an unexpected token at its end ("a" "b" at the
    // second closing quote); the strict reader of json_value.hpp stops
    // at the first character that cannot be, so it names the place.
    try {
        (void)read_json_strict(text_, limits_);
    } catch (const Error& strict) {
        if (strict.code() == ErrorCode::parse_error && strict.problems().front().line > 0) throw;
    }
    // nlohmann counts the bytes read, the offending one included.
    throw_syntax_error(text_, position > 0 ? position - 1 : 0);
}

// Optimal string alignment distance (edits and swaps of neighbours), capped
// at 64 (id_messages.hpp).
std::size_t edit_distance(std::string_view a, std::string_view b) {
    if (a.size() > 64 || b.size() > 64) return 64;
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

namespace {

constexpr std::size_t max_string_bytes = InputLimits{}.max_string_bytes;

// What the text at a syntax error most likely is, in the words of an author;
// "" when nothing more can be said. Names characters, never quotes input.
std::string_view likely_mistake(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size()) return "the document ends early: a bracket or a quote is not closed";
    const auto at = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    const unsigned c = at(offset);
    if (c == '}' || c == ']') {
        std::size_t i = offset;
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n' || text[i - 1] == '\r')) --i;
        if (i > 0 && text[i - 1] == ',') return "a comma after the last member or item (JSON allows none there)";
    }
    // U+2018, U+2019, U+201C, U+201D: E2 80 98/99/9C/9D, as word processors write quotes.
    for (std::size_t i = offset; i < text.size() && i < offset + 3; ++i)
        if (at(i) == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0x98 || at(i + 2) == 0x99 || at(i + 2) == 0x9C || at(i + 2) == 0x9D))
            return "a typographic (curly) quote where JSON needs a straight double quote \"";
    if (c == '\'') return "a single quote where JSON needs a double quote \"";
    if (c == '/' || c == '#') return "a comment (JSON has none)";
    if (c == '"' || c == '{' || c == '[') return "a comma or a colon missing before this";
    if (c == 0) return "a NUL byte (JSON allows none)";
    return "";
}

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
    TextPosition pos;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
            ++pos.column;
        }
    }
    return pos;
}

void throw_syntax_error(std::string_view text, std::size_t offset) {
    const TextPosition pos = position_of(text, offset);
    std::string message = "malformed JSON at line " + count_text(pos.line) + ", column " + count_text(pos.column) +
                          " (byte " + count_text(offset) + ")";
    if (const auto hint = likely_mistake(text, offset); !hint.empty()) {
        message += ": ";
        message += hint;
    }
    Problem problem{ErrorCode::parse_error, "", std::move(message)};
    problem.line = pos.line;
    problem.column = pos.column;
    throw Error(std::vector<Problem>{std::move(problem)});
}

json parse_json(std::string_view text, const InputLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw Error(ErrorCode::limit_exceeded, "",
                    "a document larger than " + count_text(limits.max_bytes) + " bytes");
    // nlohmann's lexer ends the input at a NUL byte, which would accept
    // "{}\0anything"; JSON allows none, in strings or out.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw_syntax_error(text, nul);
    json root;
    DomBuilder builder(root, text, limits);
    try {
        json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, /*strict=*/true,
                        /*ignore_comments=*/false);
    } catch (const json::exception&) {
        // Only from nlohmann's own checks (e.g. container sizes); its
        // messages may quote the input.
        release(root);
        throw Error(ErrorCode::parse_error, "", "malformed JSON");
    } catch (...) {
        release(root);  // the partial document, without allocating (bad_alloc may be why we are here)
        throw;
    }
    return root;
}

void release(json& document) noexcept {
    // Depth-first with a fixed stack: a container is popped once empty, and
    // only values that hold nothing are destroyed. Deeper than the stack
    // (beyond any limit) is left to the destructor.
    std::array<json*, 256> stack;
    std::size_t n = 0;
    stack[n++] = &document;
    const auto holds_something = [](const json& v) { return v.is_structured() && !v.empty(); };
    while (n > 0) {
        json& top = *stack[n - 1];
        if (top.is_array() && !top.empty()) {
            auto& items = top.get_ref<json::array_t&>();
            if (holds_something(items.back()) && n < stack.size()) stack[n++] = &items.back();
            else items.pop_back();
        } else if (top.is_object() && !top.empty()) {
            auto& members = top.get_ref<json::object_t&>();
            if (holds_something(members.begin()->second) && n < stack.size()) stack[n++] = &members.begin()->second;
            else members.erase(members.begin());
        } else {
            --n;
        }
    }
}

bool key_may_be_shown(std::string_view key) noexcept {
    if (parse_role(key)) return true;
    if (key.empty() || key.size() > 64) return false;
    // A capital first letter is how names are written; field names never start so.
    const char first = key.front();
    if (!((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9') || first == '$' || first == '@'))
        return false;
    int digits = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        if (c >= '0' && c <= '9') {
            if (++digits >= 6) return false;
        } else if (i > 0 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
                              c == '.' || c == ':')) {
            return false;
        }
    }
    return true;
}

std::string member_path(const std::string& parent, std::string_view key) {
    return key_may_be_shown(key) ? parent + "/" + json_pointer_token(key) : parent;
}

std::string quoted_id(std::string_view id, std::string_view otherwise) {
    return key_may_be_shown(id) ? "'" + std::string(id) + "'" : std::string(otherwise);
}

void report_unknown_field(const std::string& object_path, std::string_view key, const std::string_view* fields,
                          std::size_t field_count, Diagnostics& diag, const char* what) {
    const bool shown = key_may_be_shown(key);
    std::string message = what;
    if (!shown) message += " (its name is not repeated: it is not shaped like a field name)";
    // A misspelling is one or two edits from the field meant.
    std::string_view nearest;
    std::size_t best = 3;
    for (std::size_t i = 0; i < field_count; ++i) {
        const std::string_view f = fields[i];
        const std::size_t d = edit_distance(key, f);
        if (d < best && d <= (f.size() < 5 ? 1u : 2u)) {
            best = d;
            nearest = f;
        }
    }
    if (!nearest.empty()) message += "; did you mean '" + std::string(nearest) + "'?";
    diag.add(ErrorCode::unknown_field, shown ? object_path + "/" + json_pointer_token(key) : object_path,
             std::move(message));
}

const char* type_name(const json& j) noexcept {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "object";
        case json::value_t::array: return "array";
        case json::value_t::string: return "string";
        case json::value_t::boolean: return "boolean";
        case json::value_t::binary:  // only from a binding (json_dom.hpp)
            return j.get_binary().has_subtype() && j.get_binary().subtype() == foreign_datetime
                       ? "a datetime (dates have no time)"
                       : "a value JSON has no type for";
        case json::value_t::discarded: return "discarded";
        default: return "number";
    }
}

bool is_valid_id(std::string_view s) noexcept {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                        c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

std::optional<std::string> read_string(const json& j, const std::string& path, Diagnostics& diag) {
    if (!j.is_string()) {
        diag.add(ErrorCode::wrong_type, path, std::string("expected a string, found ") + type_name(j));
        return std::nullopt;
    }
    const auto& s = j.get_ref<const std::string&>();
    if (s.size() > max_string_bytes) {
        diag.add(ErrorCode::limit_exceeded, path,
                 "a string longer than " + std::to_string(max_string_bytes) + " bytes");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> read_id(const json& j, const std::string& path, Diagnostics& diag) {
    auto s = read_string(j, path, diag);
    if (s && s->empty()) {
        diag.add(ErrorCode::invalid_value, path, "an id must not be empty");
        return std::nullopt;
    }
    return s;
}

std::optional<Date> read_date(const json& j, const std::string& path, Diagnostics& diag) {
    if (!j.is_string()) {
        diag.add(ErrorCode::wrong_type, path,
                 std::string("expected a date string YYYY-MM-DD, found ") + type_name(j));
        return std::nullopt;
    }
    auto d = Date::parse(j.get_ref<const std::string&>());
    if (!d) diag.add(ErrorCode::invalid_date, path, "not an existing calendar date in the form YYYY-MM-DD");
    return d;
}

ObjectReader::ObjectReader(const json& j, std::string path, Diagnostics& diag,
                           std::initializer_list<std::string_view> fields)
    : path_(std::move(path)), diag_(&diag) {
    if (!j.is_object()) {
        diag.add(ErrorCode::wrong_type, path_, std::string("expected an object, found ") + type_name(j));
        return;
    }
    obj_ = &j;
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool known = false;
        for (auto f : fields) known = known || f == it.key();
        if (!known) report_unknown_field(path_, it.key(), fields, diag);
    }
}

const json* ObjectReader::find(std::string_view key) const {
    if (!obj_) return nullptr;
    auto it = obj_->find(std::string(key));
    return it == obj_->end() ? nullptr : &*it;
}

const json* ObjectReader::get(std::string_view key, bool required) const {
    const json* v = find(key);
    if (!v && required && obj_) diag_->add(ErrorCode::missing_field, path(key), "required field is missing");
    return v;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required) const {
    const json* v = get(key, required);
    return v ? read_string(*v, path(key), *diag_) : std::nullopt;
}

std::optional<std::string> ObjectReader::id(std::string_view key, bool required) const {
    const json* v = get(key, required);
    return v ? read_id(*v, path(key), *diag_) : std::nullopt;
}

std::optional<Date> ObjectReader::date(std::string_view key, bool required) const {
    const json* v = get(key, required);
    return v ? read_date(*v, path(key), *diag_) : std::nullopt;
}

std::optional<long long> ObjectReader::integer(std::string_view key, long long min, long long max,
                                               bool required) const {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    const std::string range = "integer outside " + std::to_string(min) + ".." + std::to_string(max);
    if (v->is_number_float()) {
        // 1.0, 1e2 and -0 are numbers, but not the integer the field takes.
        diag_->add(ErrorCode::wrong_type, path(key), "expected an integer, found a number with a fraction, an exponent or a sign on zero");
        return std::nullopt;
    }
    if (!v->is_number_integer()) {
        diag_->add(ErrorCode::wrong_type, path(key), std::string("expected an integer, found ") + type_name(*v));
        return std::nullopt;
    }
    // Unsigned values above INT64_MAX arrive as number_unsigned.
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
        diag_->add(ErrorCode::invalid_value, path(key), range);
        return std::nullopt;
    }
    const long long n = v->get<long long>();
    if (n < min || n > max) {
        diag_->add(ErrorCode::invalid_value, path(key), range);
        return std::nullopt;
    }
    return n;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, bool required) const {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        diag_->add(ErrorCode::wrong_type, path(key), std::string("expected a boolean, found ") + type_name(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

const json* ObjectReader::array(std::string_view key, bool required) const {
    const json* v = get(key, required);
    if (v && !v->is_array()) {
        diag_->add(ErrorCode::wrong_type, path(key), std::string("expected an array, found ") + type_name(*v));
        return nullptr;
    }
    return v;
}

const json* ObjectReader::object(std::string_view key, bool required) const {
    const json* v = get(key, required);
    if (v && !v->is_object()) {
        diag_->add(ErrorCode::wrong_type, path(key), std::string("expected an object, found ") + type_name(*v));
        return nullptr;
    }
    return v;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
