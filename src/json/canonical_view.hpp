// The verifier's fast path: JSON text that is already canonical (what the
// library writes) is checked in one pass without building anything, then
// read in place. Any other text, valid or not, goes to the general path
// (read_json_borrowed), which is the reference; the tests hold both to the
// same answers.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// Whether `text` is strict JSON (as read_json_strict reads it) that is its
// own RFC 8785 canonical form, with no escapes in any string or key: no
// whitespace, members in strictly increasing JCS order (so no duplicates),
// numbers as ECMAScript prints them, depth within the limits. false means
// "use the general path", never "invalid".
bool is_plain_canonical_json(std::string_view text, const InputLimits& limits) noexcept;

// Where each object and array of scanned text ends, so that a view skips a
// value without reading it.
struct CanonicalIndex {
    const char* text = nullptr;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> containers;  // [begin, end), sorted by begin
};
// As above, filling `index` for CanonicalView.
bool is_plain_canonical_json(std::string_view text, const InputLimits& limits, CanonicalIndex& index) noexcept;

// A value inside text that is_plain_canonical_json accepted. Mirrors the
// parts of JsonValue that the credential checks use.
class CanonicalView {
public:
    CanonicalView() = default;
    // `text` as scanned into `index`; both must outlive the view.
    CanonicalView(std::string_view text, const CanonicalIndex& index) noexcept : text_(text), index_(&index) {}

    std::string_view text() const noexcept { return text_; }
    bool is_object() const noexcept { return !text_.empty() && text_.front() == '{'; }
    bool is_array() const noexcept { return !text_.empty() && text_.front() == '['; }
    bool is_string() const noexcept { return !text_.empty() && text_.front() == '"'; }
    // A string's value (no escapes, by the scan); empty for other kinds.
    std::string_view str() const noexcept { return is_string() ? text_.substr(1, text_.size() - 2) : std::string_view{}; }

    std::optional<CanonicalView> find(std::string_view key) const noexcept;
    std::optional<std::string_view> find_string(std::string_view key) const noexcept;

    // Calls f(key, value) for each member, f(item) for each item, in order.
    template <class F>
    void for_each_member(F&& f) const {
        if (!is_object()) return;
        std::size_t p = 1;
        while (p < text_.size() && text_[p] == '"') {
            const std::size_t key_end = text_.find('"', p + 1);
            const std::size_t value_end = skip(key_end + 2);
            f(text_.substr(p + 1, key_end - p - 1), CanonicalView(text_.substr(key_end + 2, value_end - key_end - 2), *index_),
              p, value_end);
            p = value_end + 1;  // past ',' (or '}')
        }
    }
    template <class F>
    void for_each_item(F&& f) const {
        if (!is_array() || text_.size() == 2) return;
        std::size_t p = 1;
        while (p < text_.size()) {
            const std::size_t end = skip(p);
            f(CanonicalView(text_.substr(p, end - p), *index_));
            p = end + 1;
        }
    }
    std::size_t item_count() const noexcept;

private:
    // The end of the value starting at p.
    std::size_t skip(std::size_t p) const noexcept;
    std::string_view text_;
    const CanonicalIndex* index_ = nullptr;
};

}  // namespace detail
YRKESRESAN_END_NAMESPACE
