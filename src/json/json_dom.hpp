// Building a DOM value by value under an input format's limits
// (json_input.hpp), naming the JSON Pointer of whatever breaks one.
//
// parse_json drives it with nlohmann's SAX events from JSON text; a binding
// drives it with the values of a document already in memory (a Python dict),
// so that both are held to the same limits and report them at the same paths.
#pragma once

#include "yrkesresan/version.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// The binary subtypes of values JSON has no type for, which a binding hands
// over as they are so that the field readers refuse them where they stand
// (type_name names them): a datetime where a date is read, any other.
inline constexpr std::uint8_t foreign_value = 0;
inline constexpr std::uint8_t foreign_datetime = 1;

class DomBuilder {
public:
    // `text`: the JSON text read, for its "-0" numbers and the place of a
    // syntax error; empty when the values come from elsewhere.
    DomBuilder(json& root, std::string_view text, const InputLimits& limits);

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool b) { return scalar(json(b)); }
    bool number_integer(json::number_integer_t n) { return scalar(is_negative_zero() ? json(-0.0) : json(n)); }
    bool number_unsigned(json::number_unsigned_t n) {
        ++numbers_;
        return scalar(json(n));
    }
    bool number_float(json::number_float_t d, const std::string& raw) {
        ++numbers_;
        // The parser falls back to a double for an integer beyond 64 bits.
        if (raw.find_first_of(".eE") == std::string::npos) integer_out_of_range();
        return scalar(json(d));
    }
    bool string(std::string& s) {
        if (s.size() > limits_.max_string_bytes)
            throw Error(ErrorCode::limit_exceeded, value_path(),
                        "a string longer than " + std::to_string(limits_.max_string_bytes) + " bytes");
        return scalar(json(std::move(s)));
    }
    bool binary(json::binary_t&) { return false; }  // JSON text has none

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& f = frames_.back();
        if (k.size() > limits_.max_string_bytes)
            throw Error(ErrorCode::limit_exceeded, path_of(frames_.size()),
                        "an object key longer than " + std::to_string(limits_.max_string_bytes) + " bytes");
        // nlohmann keeps the last of two equal keys silently.
        if (f.node->contains(k))
            throw Error(ErrorCode::parse_error, path_of(frames_.size()), "an object has the same key twice");
        f.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e);

    // For values from elsewhere than JSON text:
    // a value JSON has no type for (`subtype` above), kept for the field
    // readers to refuse with its path (an unknown field is still reported as one);
    bool foreign(std::uint8_t subtype) { return scalar(json::binary({}, subtype)); }
    // an integer beyond the 64-bit range, or a number no double holds
    // (infinite, not a number): the limits of a number in JSON text.
    [[noreturn]] void integer_out_of_range() const {
        throw Error(ErrorCode::limit_exceeded, value_path(), "an integer beyond the 64-bit range");
    }
    [[noreturn]] void number_out_of_range() const {
        throw Error(ErrorCode::limit_exceeded, value_path(), "a number beyond the range of a double");
    }
    // The path of the object or array being read, as its limits are reported.
    std::string container_path() const { return path_of(frames_.size()); }

private:
    struct Frame {
        json* node;
        std::string selector;  // this container's token in its parent's path ("" for the root)
        bool shown;            // false: its key may not be shown, so paths end at the parent
        std::string key;       // objects: the key of the member being read
    };

    bool is_negative_zero() {
        const std::size_t ordinal = numbers_++;
        return std::binary_search(negative_zeros_.begin(), negative_zeros_.end(), ordinal);
    }

    // The path of the container frames_[depth - 1], keys shown or the path ends.
    std::string path_of(std::size_t depth) const {
        std::string p;
        for (std::size_t i = 1; i < depth; ++i) {
            if (!frames_[i].shown) break;
            p += '/';
            p += frames_[i].selector;
        }
        return p;
    }
    // The token of the next value in the innermost container; false if hidden.
    bool next_selector(std::string& out) const {
        const Frame& f = frames_.back();
        if (f.node->is_array()) {
            out = std::to_string(f.node->size());
            return true;
        }
        out = json_pointer_token(f.key);
        return key_may_be_shown(f.key);
    }
    std::string value_path() const {
        if (frames_.empty()) return "";
        for (std::size_t i = 1; i < frames_.size(); ++i)
            if (!frames_[i].shown) return path_of(frames_.size());
        std::string selector;
        std::string p = path_of(frames_.size());
        if (next_selector(selector)) p += "/" + selector;
        return p;
    }

    void count_value() {
        if (++values_ > limits_.max_values)
            throw Error(ErrorCode::limit_exceeded, "",
                        "a document with more than " + std::to_string(limits_.max_values) + " values");
        if (frames_.empty()) return;
        const json& parent = *frames_.back().node;
        if (parent.size() >= limits_.max_items)
            throw Error(ErrorCode::limit_exceeded, path_of(frames_.size()),
                        parent.is_array() ? "an array with more than " + std::to_string(limits_.max_items) + " items"
                                          : "an object with more than " + std::to_string(limits_.max_items) + " members");
    }

    // Stores a value in the innermost container (or as the root); returns it.
    json* store(json&& v) {
        count_value();
        if (frames_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Frame& f = frames_.back();
        if (f.node->is_array()) {
            f.node->push_back(std::move(v));
            return &f.node->back();
        }
        json& slot = (*f.node)[f.key];
        slot = std::move(v);
        return &slot;
    }

    bool scalar(json&& v) {
        store(std::move(v));
        return true;
    }

    bool open(json&& container) {
        if (frames_.size() >= limits_.max_depth)
            throw Error(ErrorCode::limit_exceeded, value_path(),
                        "a document nested deeper than " + std::to_string(limits_.max_depth) + " levels");
        std::string selector;
        const bool shown = frames_.empty() || (frames_.back().shown && next_selector(selector));
        json* node = store(std::move(container));
        frames_.push_back(Frame{node, std::move(selector), shown, {}});
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }

    json& root_;
    std::string_view text_;
    const InputLimits& limits_;
    std::vector<std::size_t> negative_zeros_;
    std::vector<Frame> frames_;
    std::size_t numbers_ = 0;
    std::size_t values_ = 0;
};

}  // namespace detail
YRKESRESAN_END_NAMESPACE
