#include "json_input.hpp"

#include <set>

namespace yrkesresan::detail {

namespace {
constexpr std::size_t max_string_bytes = 4096;  // no label or id of ours comes near
}

json parse_json(std::string_view text, const InputLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw Error(ErrorCode::limit_exceeded, "",
                    "document larger than " + std::to_string(limits.max_bytes) + " bytes");
    // One set of keys per open object, to reject duplicates (nlohmann keeps the
    // last one silently). The callback also stops a deep document early.
    std::vector<std::set<std::string>> keys;
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
        switch (event) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start:
                if (static_cast<std::size_t>(depth) >= limits.max_depth) {
                    throw Error(ErrorCode::limit_exceeded, "",
                                "document nested deeper than " + std::to_string(limits.max_depth) + " levels");
                }
                if (event == json::parse_event_t::object_start) keys.emplace_back();
                break;
            case json::parse_event_t::object_end:
                if (!keys.empty()) keys.pop_back();
                break;
            case json::parse_event_t::key:
                if (!keys.empty() && !keys.back().insert(parsed.get<std::string>()).second) {
                    throw Error(ErrorCode::parse_error, "", "an object has the same key twice");
                }
                break;
            default: break;
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                           /*ignore_comments=*/false);
    } catch (const json::parse_error& e) {
        // nlohmann's message quotes the input; report the position only.
        throw Error(ErrorCode::parse_error, "",
                    "malformed JSON near byte " + std::to_string(e.byte));
    } catch (const json::exception&) {
        throw Error(ErrorCode::parse_error, "", "malformed JSON");
    }
}

const char* type_name(const json& j) noexcept {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "object";
        case json::value_t::array: return "array";
        case json::value_t::string: return "string";
        case json::value_t::boolean: return "boolean";
        case json::value_t::binary: return "binary";
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
                 "string longer than " + std::to_string(max_string_bytes) + " bytes");
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
        if (!known) diag.add(ErrorCode::unknown_field, this->path(it.key()), "field not defined by the format");
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
    if (!v->is_number_integer()) {
        diag_->add(ErrorCode::wrong_type, path(key), std::string("expected an integer, found ") + type_name(*v));
        return std::nullopt;
    }
    // Unsigned values above INT64_MAX arrive as number_unsigned.
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
        diag_->add(ErrorCode::invalid_value, path(key),
                   "integer outside " + std::to_string(min) + ".." + std::to_string(max));
        return std::nullopt;
    }
    const long long n = v->get<long long>();
    if (n < min || n > max) {
        diag_->add(ErrorCode::invalid_value, path(key),
                   "integer outside " + std::to_string(min) + ".." + std::to_string(max));
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

}  // namespace yrkesresan::detail
