// The programs shipped inside the library, compiled once on first use.
#include <map>
#include <mutex>

#include "builtin_programs.hpp"
#include "program_data.hpp"

YRKESRESAN_BEGIN_NAMESPACE

Program Program::builtin(std::string_view id) {
    static std::mutex mutex;
    static std::map<std::string, Program, std::less<>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(id); it != cache.end()) return it->second;
    for (std::size_t i = 0; i < detail::embedded_program_count; ++i) {
        if (id == detail::embedded_programs[i].id) {
            Program p = from_json(detail::embedded_programs[i].definition);
            cache.emplace(std::string(id), p);
            return p;
        }
    }
    throw Error(ErrorCode::not_found, "", "no built-in program with that id");
}

std::vector<std::string> Program::builtin_ids() {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < detail::embedded_program_count; ++i) ids.emplace_back(detail::embedded_programs[i].id);
    return ids;
}

YRKESRESAN_END_NAMESPACE
