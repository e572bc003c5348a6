// Strict reading of JSON input: limits, duplicate keys, types, unknown fields,
// each problem recorded with its JSON Pointer. Never quotes an input value.
//
// Limits (docs/limits.md has the table and the reasons). parse_json enforces
// them while it reads, before a value is stored, so that no input costs more
// than its limits allow; every limit is reported as limit_exceeded with the
// JSON Pointer of the offending container or value:
// - max_bytes: the document's size;
// - max_depth: nested arrays and objects (the reader and the DOM's destructor
//   are iterative, so a document nested millions deep stops at max_depth + 1
//   without stack growth);
// - max_string_bytes: every string and object key;
// - max_items: the elements of one array or the members of one object;
// - max_values: every value in the document (memory: a DOM value costs up to
//   ~80 bytes, so a 16 MiB document of "{}" would otherwise take ~460 MB);
// - numbers: an integer literal beyond 64 bits, or a number beyond a double
//   (1e400), is limit_exceeded; -0 and 1.0 are read as non-integers, so a
//   field that takes an integer reports them as wrong_type.
//
// Paths and personal data: a JSON Pointer names object keys, and a key is
// input. A key is written into a path only when it has the shape of a field
// name or an id (key_may_be_shown); any other key ends the path at the object
// that holds it. So an unknown field "Astrid Canarysdotter" or "191212121212"
// is reported at its parent as "a field not defined by the format", while a
// misspelt "employmnet_start" is named (docs/contract.md: unknown fields are named).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "yrkesresan/date.hpp"
#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

using json = nlohmann::json;

struct InputLimits {
    std::size_t max_bytes = 16u << 20;      // one document
    std::size_t max_depth = 32;             // no format of ours nests deeper than ~7
    std::size_t max_string_bytes = 4096;    // no id, label or note of ours comes near
    std::size_t max_items = std::numeric_limits<std::size_t>::max();   // per array or object
    std::size_t max_values = std::numeric_limits<std::size_t>::max();  // per document
};

// The limits of each input format; generous multiples of the largest real
// input (GR's program: 26 kB, 682 values, 20 items in its largest section).
inline constexpr InputLimits program_limits{4u << 20, 32, 4096, 10'000, 200'000};
inline constexpr InputLimits overlay_limits{1u << 20, 32, 4096, 10'000, 50'000};
inline constexpr InputLimits person_limits{1u << 20, 32, 4096, 10'000, 100'000};
inline constexpr InputLimits trusted_issuers_limits{1u << 20, 32, 4096, 1'000, 20'000};
// Overlays layered on one program (R3 has two levels: municipality, unit).
inline constexpr std::size_t max_overlays = 16;

// Where a byte of a document is, as an editor shows it: 1-based line and
// column, the column counted in characters (UTF-8 code points), so that a
// line holding "å" or a curly quote still points at the right place.
struct TextPosition {
    std::size_t line = 1, column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset) noexcept;
// A syntax error at `offset`: "malformed JSON at line L, column C (byte N)",
// and what the text there most likely is (a comma before a closing bracket, a
// typographic quote, a comment), never the text itself.
[[noreturn]] void throw_syntax_error(std::string_view text, std::size_t offset);

// Parses a document; throws Error(parse_error | limit_exceeded) naming the
// line, column and byte offset or path, never the content. Duplicate object
// keys are rejected.
json parse_json(std::string_view text, const InputLimits& limits = {});

// Empties a document without allocating. nlohmann's destructor allocates a
// stack for nested values, so a document destroyed while unwinding from an
// allocation failure could end the process (an exception out of a
// destructor); emptied leaf first, nothing needs memory.
void release(json& document) noexcept;

// A parsed document that is released (above) when it goes out of scope.
class Document {
public:
    explicit Document(json j) noexcept : j_(std::move(j)) {}
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;
    ~Document() { release(j_); }
    const json& get() const noexcept { return j_; }
    json& get() noexcept { return j_; }

private:
    json j_;
};

// Whether an input object key may appear in a path: 1-64 bytes of ASCII
// letters, digits and '-', '_', '.', ':', starting with a lowercase letter, a
// digit, '$' or '@' (or one of the six responsibility codes), with fewer than
// six digits (no date, no personnummer). Field names and ids have this shape;
// "Astrid Canarysdotter" and "19121212-1212" do not. A name written like a
// field name ("astrid") cannot be told from a misspelt one and is shown.
bool key_may_be_shown(std::string_view key) noexcept;
// `parent` + "/" + key, or `parent` alone when the key may not be shown.
std::string member_path(const std::string& parent, std::string_view key);
// An id for a message about a program or overlay: 'id' when it may be shown
// (as a key could), else `otherwise` ("with this id").
std::string quoted_id(std::string_view id, std::string_view otherwise);

// Collects problems so that one pass reports all of them.
class Diagnostics {
public:
    void add(ErrorCode code, std::string path, std::string message) {
        problems_.push_back(Problem{code, std::move(path), std::move(message)});
    }
    bool empty() const noexcept { return problems_.empty(); }
    // Hands every problem but those with `code` to another collector.
    void forward_except(ErrorCode code, Diagnostics& to) const {
        for (const auto& p : problems_)
            if (p.code != code) to.problems_.push_back(p);
    }
    void throw_if_any() {
        if (!problems_.empty()) throw Error(std::move(problems_));
    }

private:
    std::vector<Problem> problems_;
};

const char* type_name(const json& j) noexcept;

// Reports a field an object may not have: at its path when the key may be
// shown, else at the object's; suggests the nearest defined field.
void report_unknown_field(const std::string& object_path, std::string_view key, const std::string_view* fields,
                          std::size_t field_count, Diagnostics& diag,
                          const char* what = "field not defined by the format");
inline void report_unknown_field(const std::string& object_path, std::string_view key,
                                 std::initializer_list<std::string_view> fields, Diagnostics& diag,
                                 const char* what = "field not defined by the format") {
    report_unknown_field(object_path, key, fields.begin(), fields.size(), diag, what);
}

// A view of one JSON object being read; reports missing, mistyped and unknown
// fields to the Diagnostics it was given.
class ObjectReader {
public:
    ObjectReader(const json& j, std::string path, Diagnostics& diag,
                 std::initializer_list<std::string_view> fields);

    bool ok() const noexcept { return obj_ != nullptr; }
    const std::string& path() const noexcept { return path_; }
    // The path of a field the format defines (a constant, so always shown).
    std::string path(std::string_view key) const { return path_ + "/" + json_pointer_token(key); }
    const json* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }

    std::optional<std::string> string(std::string_view key, bool required = false) const;
    std::optional<std::string> id(std::string_view key, bool required = false) const;
    std::optional<Date> date(std::string_view key, bool required = false) const;
    std::optional<long long> integer(std::string_view key, long long min, long long max,
                                     bool required = false) const;
    std::optional<bool> boolean(std::string_view key, bool required = false) const;
    const json* array(std::string_view key, bool required = false) const;
    const json* object(std::string_view key, bool required = false) const;

private:
    const json* get(std::string_view key, bool required) const;
    const json* obj_ = nullptr;
    std::string path_;
    Diagnostics* diag_;
};

// Free-standing readers for values inside arrays.
std::optional<std::string> read_string(const json& j, const std::string& path, Diagnostics& diag);
std::optional<std::string> read_id(const json& j, const std::string& path, Diagnostics& diag);
std::optional<Date> read_date(const json& j, const std::string& path, Diagnostics& diag);

// Program-level ids: lowercase ASCII letters, digits, '-', '_', '.', ':'; 1..64 chars.
bool is_valid_id(std::string_view s) noexcept;

}  // namespace detail
YRKESRESAN_END_NAMESPACE
