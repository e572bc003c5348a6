// The canary sweep (tests/corpus/manifest.json, "canary_sweep"): a full
// person record (tests/corpus/canary-base.json) with fake personal values in
// every place one can go: every string and number replaced by a canary,
// every key renamed to one, an unknown field named by one in every object.
// tests/test_canaries.cpp pushes the records through the C++ API,
// tests/capi/corpus.cpp through the C ABI, tests/python/test_canaries.py
// through Python.
//
// The canaries: a name nobody has and Skatteverket's classic test
// personnummer (19121212-1212, "Tolvan Tolvansson"), in the spellings a
// record might carry. A key takes only the spellings not shaped like a field
// name, since an unknown field written like one ("astrid.canarysdotter") is
// named in the error, as docs/contract.md asks (src/json/json_input.hpp).
#pragma once

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace yr_test {

class CanarySweep {
public:
    using json = nlohmann::json;

    // `corpus_dir`: tests/corpus/, with its manifest.
    explicit CanarySweep(const std::string& corpus_dir) {
        spec_ = json::parse(read(corpus_dir + "manifest.json")).at("canary_sweep");
        base_ = json::parse(read(corpus_dir + spec_.at("base").get<std::string>()));
        sweep(json::json_pointer());
    }

    const std::vector<std::string>& documents() const { return documents_; }
    const json& spec() const { return spec_; }

    // Whether a text repeats a canary: the surname in any case, or the
    // personnummer's ten digits once everything but digits is dropped.
    bool repeats(const std::string& text) const {
        std::string lower, digits;
        for (char ch : text) {
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (ch >= '0' && ch <= '9') digits += ch;
        }
        return lower.find(spec_.at("surname").get<std::string>()) != std::string::npos ||
               digits.find("1212121212") != std::string::npos;
    }

private:
    static std::string read(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + path);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }

    void sweep(const json::json_pointer& at) {
        const json& node = base_.at(at);
        if (node.is_string() || node.is_number()) {
            for (const auto& c : spec_.at("values")) {
                json doc = base_;
                doc[at] = c;
                documents_.push_back(doc.dump());
            }
            json doc = base_;
            doc[at] = spec_.at("number");
            documents_.push_back(doc.dump());
            return;
        }
        if (node.is_array()) {
            for (std::size_t i = 0; i < node.size(); ++i) sweep(at / i);
            return;
        }
        for (const auto& key : spec_.at("keys")) {
            json doc = base_;
            doc[at][key.get<std::string>()] = "x";  // an unknown field named by a canary
            documents_.push_back(doc.dump());
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            for (const auto& key : spec_.at("keys")) {  // the key itself replaced
                json doc = base_;
                json& object = doc[at];
                json value = object[it.key()];
                object.erase(it.key());
                object[key.get<std::string>()] = std::move(value);
                documents_.push_back(doc.dump());
            }
            sweep(at / it.key());
        }
    }

    json spec_, base_;
    std::vector<std::string> documents_;
};

}  // namespace yr_test
