// Loading programs: built-in by id or from JSON, then overlays in order.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "api_entry.hpp"
#include "handles.hpp"
#include "json_writer.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/rule_book.hpp"

namespace yr_capi {

char* to_c_string(const std::string& s) {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p == nullptr) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

using yrkesresan::Program;

// Built once per process: the programs are compiled into the library.
const std::string& builtin_list() {
    static const std::string list = [] {
        std::string text;
        yrkesresan::detail::JsonWriter w(text);
        w.begin_array();
        for (const auto& id : Program::builtin_ids()) {
            const Program p = Program::builtin(id);
            w.begin_object()
                .member("id", p.id())
                .member("title", p.title())
                .member("valid_from", p.valid_from())
                .member("version", p.version())
                .end_object();
        }
        w.end_array();
        return text;
    }();
    return list;
}

std::vector<std::string_view> read_overlays(const char* const* overlays, const std::size_t* sizes, std::size_t count) {
    std::vector<std::string_view> texts;
    if (count == 0) return texts;
    require(overlays, "overlays");
    for (std::size_t i = 0; i < count; ++i) {
        if (overlays[i] == nullptr)
            throw ArgumentError{"invalid_argument", "argument 'overlays[" + std::to_string(i) + "]' is NULL"};
        texts.emplace_back(overlays[i], sizes == nullptr ? std::strlen(overlays[i]) : sizes[i]);
    }
    return texts;
}

Program with_overlays(Program program, const std::vector<std::string_view>& overlays) {
    for (std::size_t i = 0; i < overlays.size(); ++i) {
        try {
            program = program.with_overlay(overlays[i]);
        } catch (const yrkesresan::Error& e) {
            std::vector<yrkesresan::Problem> problems = e.problems();
            for (auto& p : problems) p.message = "overlays[" + std::to_string(i) + "]: " + p.message;
            throw yrkesresan::Error(std::move(problems));
        }
    }
    return program;
}

yr_program* new_handle(Program program) { return new yr_program{std::move(program)}; }

}  // namespace yr_capi

using yr_capi::api_entry;
using yr_capi::require;
using yr_capi::Resets;

extern "C" {

YR_API void yr_string_free(char* string) {
    api_entry<Resets::no>([&] { std::free(string); });
}

YR_API int yr_program_list(char** out_json) {
    if (out_json != nullptr) *out_json = nullptr;
    return api_entry([&] {
        require(out_json, "out_json");
        *out_json = yr_capi::to_c_string(yr_capi::builtin_list());
    });
}

YR_API int yr_program_load(const char* builtin_id, const char* const* overlays, size_t overlay_count,
                           yr_program** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(builtin_id, "builtin_id");
        require(out, "out");
        const auto texts = yr_capi::read_overlays(overlays, nullptr, overlay_count);
        *out = yr_capi::new_handle(yr_capi::with_overlays(yrkesresan::Program::builtin(builtin_id), texts));
    });
}

YR_API int yr_program_load_json(const char* definition_json, const char* const* overlays, size_t overlay_count,
                                yr_program** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(definition_json, "definition_json");
        require(out, "out");
        const auto texts = yr_capi::read_overlays(overlays, nullptr, overlay_count);
        *out = yr_capi::new_handle(yr_capi::with_overlays(yrkesresan::Program::from_json(definition_json), texts));
    });
}

YR_API void yr_program_free(yr_program* program) {
    api_entry<Resets::no>([&] { delete program; });
}

YR_API const char* yr_program_id(const yr_program* program) {
    const char* result = nullptr;
    api_entry([&] { result = require(program, "program")->program.id().c_str(); });
    return result;
}

YR_API const char* yr_program_version(const yr_program* program) {
    const char* result = nullptr;
    api_entry([&] { result = require(program, "program")->program.version().c_str(); });
    return result;
}

YR_API const char* yr_program_definition(const yr_program* program) {
    const char* result = nullptr;
    api_entry([&] { result = require(program, "program")->program.to_json().c_str(); });
    return result;
}

YR_API int yr_program_rule_book(const yr_program* program, int format, char** out) {
    if (out != nullptr) *out = nullptr;
    return api_entry([&] {
        require(program, "program");
        yrkesresan::RuleBookFormat f{};
        switch (format) {
            case YR_RULE_BOOK_MARKDOWN: f = yrkesresan::RuleBookFormat::markdown; break;
            case YR_RULE_BOOK_HTML: f = yrkesresan::RuleBookFormat::html; break;
            default: throw yr_capi::ArgumentError{"invalid_argument", "argument 'format' is not a yr_rule_book_format"};
        }
        require(out, "out");
        *out = yr_capi::to_c_string(yrkesresan::rule_book(program->program, f));
    });
}

}  // extern "C"
