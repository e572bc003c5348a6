// The bad-input corpus (tests/corpus/manifest.json) through the C ABI only:
// each case's yr_error_last() kind and path (and the return code's class),
// its warnings or its verification status; no error string (kind, message,
// path, problems) nor warning message repeats a canary; JSONTestSuite
// through every kind; the canary sweep of tests/canary_sweep.hpp. nlohmann reads the manifest and the returned
// documents; the library is reached through yrkesresan.h alone.
//
// C strings end at the first NUL byte, so a file that holds one reaches the
// C ABI shorter than it is: for those only a typed outcome is checked.
//
//   yr_capi_corpus SOURCE_DIR
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../canary_sweep.hpp"
#include "yrkesresan/yrkesresan.h"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int failures = 0;

void fail(const std::string& where, const std::string& what) {
    ++failures;
    std::cerr << "FAIL " << where << ": " << what << "\n";
}

// The return code each kind of problem comes with (yrkesresan.h).
int class_of(const std::string& kind) {
    static const std::map<std::string, int> classes = {
        {"parse_error", YR_EPARSE},         {"limit_exceeded", YR_ELIMIT},     {"wrong_type", YR_EFORMAT},
        {"missing_field", YR_EFORMAT},      {"unknown_field", YR_EFORMAT},     {"invalid_value", YR_EFORMAT},
        {"invalid_date", YR_EFORMAT},       {"reversed_period", YR_EFORMAT},   {"unknown_code", YR_EFORMAT},
        {"conflicting_codes", YR_EFORMAT},  {"duplicate_id", YR_EFORMAT},      {"unknown_reference", YR_EREFERENCE},
        {"phase_gap", YR_ERULES},           {"phase_overlap", YR_ERULES},      {"cycle", YR_ERULES},
        {"future_event", YR_ECONFLICT},     {"not_found", YR_ENOTFOUND},       {"requirements_not_met", YR_ENOTMET},
        {"invalid_argument", YR_EINVALID}};
    auto it = classes.find(kind);
    return it == classes.end() ? 1 : it->second;
}

struct Outcome {
    int rc = YR_OK;
    std::string code, path;  // yr_error_last() kind and path, when rc != YR_OK
    std::vector<std::string> warnings;
    std::string status;
    std::vector<std::string> texts;
};

class Corpus {
public:
    explicit Corpus(const fs::path& source) : dir_(source / "tests" / "corpus") {
        manifest_ = json::parse(read_file(dir_ / "manifest.json"));
    }
    ~Corpus() {
        for (auto& [id, p] : programs_) yr_program_free(p);
    }

    const json& manifest() const { return manifest_; }
    const fs::path& dir() const { return dir_; }

    std::string setting(const json& c, const char* key) const {
        return c.contains(key) ? c[key].get<std::string>() : manifest_["defaults"][key].get<std::string>();
    }

    Outcome run(const std::string& kind, const std::string& text, const json& c) {
        Outcome o;
        const yr_program* program = builtin(setting(c, "program"));
        const std::string as_of = setting(c, "as_of");
        char* out = nullptr;
        if (kind == "program") {
            yr_program* p = nullptr;
            o.rc = yr_program_load_json(text.c_str(), nullptr, 0, &p);
            yr_program_free(p);
        } else if (kind == "overlay") {
            yr_program* p = nullptr;
            const char* overlays[] = {text.c_str()};
            o.rc = yr_program_load(setting(c, "program").c_str(), overlays, 1, &p);
            yr_program_free(p);
        } else if (kind == "person") {
            for (int language : {YR_LANGUAGE_SV, YR_LANGUAGE_EN}) {
                yr_evaluate_options options = YR_EVALUATE_OPTIONS_INIT;
                options.language = language;
                o.rc = yr_evaluate(program, text.c_str(), as_of.c_str(), &options, &out);
                if (o.rc != YR_OK) break;
                const json evaluation = json::parse(out);
                for (const auto& w : evaluation.at("warnings")) {
                    o.warnings.push_back(w.at("code"));
                    o.texts.push_back(w.at("message"));
                }
                yr_string_free(out);
                out = nullptr;
            }
        } else if (kind == "issue") {
            o.rc = yr_certificate_issue(program, text.c_str(), as_of.c_str(), c.value("component", "").c_str(), nullptr, &out);
        } else if (kind == "coordination") {
            o.rc = yr_coordinate(program, text.c_str(), &out);
        } else if (kind == "credential") {
            const std::string trusted = read_file(dir_ / setting(c, "trusted"));
            o.rc = yr_credential_verify(text.c_str(), trusted.c_str(), setting(c, "now").c_str(), &out);
            if (o.rc == YR_OK) {
                const json result = json::parse(out);
                o.status = result.at("status");
                o.texts.push_back(result.at("message"));
            }
        } else {
            throw std::runtime_error("unknown kind " + kind);
        }
        yr_string_free(out);
        if (o.rc != YR_OK) {
            const yr_error* e = yr_error_last();
            o.code = e->kind;
            o.path = e->path;
            o.texts.insert(o.texts.end(), {e->kind, e->message, e->path, e->problems});
        }
        return o;
    }

    // The text that repeats a canary, or "".
    std::string leak(const Outcome& o) const {
        const auto lower = [](std::string s) {
            for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            return s;
        };
        for (const auto& text : o.texts) {
            for (const auto& canary : manifest_["canaries"])
                if (lower(text).find(lower(canary.get<std::string>())) != std::string::npos) return text;
            std::string digits;
            for (char ch : text)
                if (ch >= '0' && ch <= '9') digits += ch;
            if (digits.find(manifest_["canary_digits"].get<std::string>()) != std::string::npos) return text;
        }
        return "";
    }

private:
    const yr_program* builtin(const std::string& id) {
        auto it = programs_.find(id);
        if (it != programs_.end()) return it->second;
        yr_program* p = nullptr;
        if (yr_program_load(id.c_str(), nullptr, 0, &p) != YR_OK) throw std::runtime_error("cannot load " + id);
        return programs_.emplace(id, p).first->second;
    }

    fs::path dir_;
    json manifest_;
    std::map<std::string, yr_program*> programs_;
};

// The messages of an evaluation document's findings (warnings, reasons,
// missing requirements).
void finding_messages(const json& evaluation, std::vector<std::string>& out) {
    for (const auto& w : evaluation.at("warnings")) out.push_back(w.at("message"));
    for (const char* list : {"components", "modules", "certificates"})
        for (const auto& entry : evaluation.value(list, json::array()))
            for (const char* findings : {"reasons", "missing"})
                for (const auto& f : entry.value(findings, json::array())) out.push_back(f.at("message"));
}

// tests/canary_sweep.hpp through the C ABI: evaluation, certificate issue and
// a coordination request; every error string and finding message.
int canary_sweep(const yr_program* gr, const fs::path& corpus_dir) {
    const yr_test::CanarySweep sweep(corpus_dir.string() + "/");
    const std::string as_of = sweep.spec().at("as_of");
    int documents = 0;
    for (const std::string& doc : sweep.documents()) {
        ++documents;
        std::vector<std::string> texts;
        auto record_error = [&] {
            const yr_error* e = yr_error_last();
            texts.insert(texts.end(), {e->kind, e->message, e->path, e->problems});
        };
        char* out = nullptr;
        for (int language : {YR_LANGUAGE_SV, YR_LANGUAGE_EN}) {
            yr_evaluate_options options = YR_EVALUATE_OPTIONS_INIT;
            options.language = language;
            if (yr_evaluate(gr, doc.c_str(), as_of.c_str(), &options, &out) == YR_OK) finding_messages(json::parse(out), texts);
            else record_error();
            yr_string_free(out);
            out = nullptr;
        }
        for (const char* component : {"introduktionsprogram", "handledning"}) {
            if (yr_certificate_issue(gr, doc.c_str(), as_of.c_str(), component, nullptr, &out) != YR_OK) record_error();
            yr_string_free(out);
            out = nullptr;
        }
        const json request = {{"as_of", as_of}, {"term", sweep.spec().at("term")}, {"persons", json::array({json::parse(doc)})}};
        if (yr_coordinate(gr, request.dump().c_str(), &out) != YR_OK) record_error();
        yr_string_free(out);
        for (const auto& t : texts)
            if (sweep.repeats(t)) fail("canary sweep " + doc, "repeats a canary: " + t);
    }
    return documents;
}

bool listed(const json& list, const std::string& name) { return std::find(list.begin(), list.end(), name) != list.end(); }

void check_typed(const std::string& where, const Outcome& o) {
    if (o.rc != YR_OK && (o.rc == YR_EINTERNAL || o.rc == YR_ENOMEM || class_of(o.code) != o.rc))
        fail(where, "untyped outcome " + std::to_string(o.rc) + " " + o.code);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: yr_capi_corpus SOURCE_DIR\n";
        return 2;
    }
    Corpus corpus{fs::path(argv[1])};
    int cases = 0;
    for (const json& c : corpus.manifest()["cases"]) {
        const std::string file = c["file"], kind = c["kind"];
        const std::string text = read_file(corpus.dir() / file);
        const Outcome o = corpus.run(kind, text, c);
        ++cases;
        check_typed(file, o);
        if (const std::string leaked = corpus.leak(o); !leaked.empty()) fail(file, "repeats a canary: " + leaked);
        if (text.find('\0') != std::string::npos) continue;  // the C string is shorter than the file
        // A face may report its own kind (C: invalid_argument for a bad argument).
        const json& expect = c.contains("expect_c") ? c["expect_c"] : c["expect"];
        if (expect.contains("code")) {
            if (o.code != expect["code"] || o.path != expect["path"])
                fail(file, "got " + o.code + " at '" + o.path + "', expected " + expect["code"].get<std::string>() + " at '" +
                               expect["path"].get<std::string>() + "'");
            if (o.rc != class_of(o.code)) fail(file, "return code " + std::to_string(o.rc) + " for " + o.code);
        } else if (expect.contains("warnings")) {
            if (o.rc != YR_OK) fail(file, "error " + o.code + " at '" + o.path + "'");
            for (const auto& w : expect["warnings"])
                if (std::count(o.warnings.begin(), o.warnings.end(), w.get<std::string>()) == 0)
                    fail(file, "no warning " + w.get<std::string>());
        } else if (o.rc != YR_OK || o.status != expect["status"]) {
            fail(file, "status " + o.status + " (" + o.code + "), expected " + expect["status"].get<std::string>());
        }
    }
    yr_program* gr = nullptr;
    if (yr_program_load("gr-barn-unga", nullptr, 0, &gr) != YR_OK) return 1;
    const int swept = canary_sweep(gr, corpus.dir());
    yr_program_free(gr);
    // JSONTestSuite through every kind.
    const json& rule = corpus.manifest()["json_test_suite"];
    int suite_runs = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(argv[1]) / rule["dir"].get<std::string>())) {
        const std::string name = entry.path().filename().string();
        const std::string text = read_file(entry.path());
        const bool whole = text.find('\0') == std::string::npos;
        for (const std::string kind : rule["kinds"]) {
            const std::string where = kind + " " + name;
            const Outcome o = corpus.run(kind, text, json::object());
            ++suite_runs;
            check_typed(where, o);
            if (!whole) continue;
            if (kind == "credential") {
                if (o.status != "malformed") fail(where, "status " + o.status + " (" + o.code + ")");
            } else if (name[0] == 'n') {
                const char* want = listed(rule["n_deeper_than_limit"], name) ? "limit_exceeded" : "parse_error";
                if (o.code != want) fail(where, "got '" + o.code + "', expected " + want);
            } else if (name[0] == 'y' && listed(rule["y_duplicate_keys"], name)) {
                if (o.code != "parse_error") fail(where, "a duplicate key accepted");
            } else if (name[0] == 'y' && (o.code == "parse_error" || o.code == "limit_exceeded")) {
                fail(where, "the parser refused it: " + o.code);
            }
        }
    }
    std::cout << "corpus: " << cases << " cases, " << suite_runs << " JSONTestSuite runs, " << swept
              << " canary records, " << failures << " failures\n";
    return failures == 0 ? 0 : 1;
}
