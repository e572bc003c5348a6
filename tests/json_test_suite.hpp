// JSONTestSuite (tests/vectors/JSONTestSuite): the parser cases every strict
// reader of the library runs (tests/test_jcs.cpp for the credential reader,
// tests/test_corpus.cpp for the formats' reader through each entry point).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace yr_test {

struct SuiteCase {
    std::string name;  // y_ must be accepted, n_ rejected, i_ either (never a crash)
    std::string text;  // the file's bytes
    char verdict() const { return name.at(0); }
};

// Every file of the suite, in name order.
inline std::vector<SuiteCase> json_test_suite() {
    namespace fs = std::filesystem;
    std::vector<SuiteCase> out;
    for (const auto& entry : fs::directory_iterator(fs::path(YR_SOURCE_DIR) / "tests" / "vectors" / "JSONTestSuite" / "test_parsing")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        out.push_back({entry.path().filename().string(), s.str()});
    }
    std::sort(out.begin(), out.end(), [](const SuiteCase& a, const SuiteCase& b) { return a.name < b.name; });
    return out;
}

}  // namespace yr_test
