// Several threads evaluating (and issuing certificates) against one
// yr_program handle at once get the same documents as one thread alone, and
// each thread keeps its own last error. C++ threads, the library through yrkesresan.h only.
//
//   yr_capi_threads SOURCE_DIR
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "yrkesresan/yrkesresan.h"

namespace {

using json = nlohmann::json;

struct Case {
    std::string person, as_of;
    int language;
    std::string component;  // non-empty: issue this component's certificate instead of evaluating
    std::string expected;   // single-threaded result
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string evaluate(const yr_program* program, const Case& c) {
    yr_evaluate_options options = YR_EVALUATE_OPTIONS_INIT;
    options.language = c.language;
    char* out = nullptr;
    const int rc = c.component.empty()
                       ? yr_evaluate(program, c.person.c_str(), c.as_of.c_str(), &options, &out)
                       : yr_certificate_issue(program, c.person.c_str(), c.as_of.c_str(), c.component.c_str(),
                                              nullptr, &out);
    if (rc != YR_OK) return std::string("error: ") + yr_error_last()->kind;
    std::string s(out);
    yr_string_free(out);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path source_dir = argc > 1 ? argv[1] : ".";
    constexpr int thread_count = 4;
    constexpr int rounds = 10;

    // One program with both example overlays, shared by every thread.
    const std::string overlay_text[2] = {read_file(source_dir / "data/overlays/example-kungalv.json"),
                                         read_file(source_dir / "data/overlays/example-kungalv-utredning.json")};
    const char* overlays[2] = {overlay_text[0].c_str(), overlay_text[1].c_str()};
    yr_program* program = nullptr;
    if (yr_program_load("gr-barn-unga", overlays, 2, &program) != YR_OK) {
        std::cerr << "cannot load the program: " << yr_error_last()->message << "\n";
        return 1;
    }

    // The GR scenarios' persons, each in both languages, plus the example client's.
    std::vector<Case> cases;
    for (const auto& e : fs::directory_iterator(source_dir / "tests/scenarios")) {
        if (e.path().extension() != ".json") continue;
        const json sc = json::parse(read_file(e.path()));
        if (sc.value("program", "") != "gr-barn-unga") continue;
        const std::string person = sc.at("person").dump(), as_of = sc.at("as_of").get<std::string>();
        for (int lang : {YR_LANGUAGE_SV, YR_LANGUAGE_EN}) cases.push_back({person, as_of, lang, "", ""});
        if (sc.contains("expect"))
            for (const auto& cert : sc["expect"].value("certificates", json::array()))
                cases.push_back({person, as_of, YR_LANGUAGE_SV, cert.value("component", ""), ""});
    }
    cases.push_back({read_file(source_dir / "examples/c-client/person.json"), "2026-09-30", YR_LANGUAGE_EN, "", ""});
    int evaluations = 0;
    for (auto& c : cases) {
        c.expected = evaluate(program, c);
        if (c.expected.rfind("error: ", 0) != 0) ++evaluations;
    }

    std::atomic<int> mismatches{0}, error_leaks{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 shuffle(static_cast<unsigned>(t));
            std::vector<std::size_t> order(cases.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            for (int r = 0; r < rounds; ++r) {
                std::shuffle(order.begin(), order.end(), shuffle);
                for (std::size_t i : order)
                    if (evaluate(program, cases[i]) != cases[i].expected) ++mismatches;
                // The last error is this thread's own: odd threads fail, even
                // threads succeed, and neither sees the other's.
                char* out = nullptr;
                if (t % 2 == 1) {
                    if (yr_evaluate(program, "{", "2026-01-01", nullptr, &out) != YR_EPARSE) ++error_leaks;
                    std::this_thread::yield();
                    if (yr_error_last()->code != YR_EPARSE) ++error_leaks;
                } else {
                    if (yr_program_list(&out) != YR_OK) ++error_leaks;
                    yr_string_free(out);
                    std::this_thread::yield();
                    if (yr_error_last()->code != YR_OK) ++error_leaks;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    yr_program_free(program);

    const int total = thread_count * rounds * static_cast<int>(cases.size());
    std::cout << cases.size() << " cases (" << evaluations << " documents, the rest refused), " << thread_count
              << " threads x " << rounds << " rounds: " << mismatches << " of " << total
              << " results differ; last-error leaks between threads: " << error_leaks << "\n";
    const bool ok = mismatches == 0 && error_leaks == 0 && evaluations >= 5;
    std::cout << "capi.threads: " << (ok ? 1 : 0) << " passed, " << (ok ? 0 : 1) << " failed\n";
    return ok ? 0 : 1;
}
