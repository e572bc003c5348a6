// Per-person evaluation through the C++ API and the C ABI, on the same
// person records (JSON lines written by benchmarks/run.py from yrsynth).
// Google Benchmark; run by benchmarks/run.py, which prints the figures beside
// the Python faces and the reference. Alone:
//   yr-bench-evaluate --records persons.jsonl --as-of 2026-11-02 [--program gr-barn-unga]
//
// Each benchmark counts persons, so items_per_second is persons per second:
//   json_parse        PersonRecord::from_json alone (JSON in): the fast reader,
//                     falling back to the strict one for what it does not take
//   json_parse_strict the strict reader alone (nlohmann's SAX parser into the
//                     limited DOM, then the record)
//   json_sax_floor    nlohmann's SAX parser over the same text with a handler
//                     that keeps nothing: the floor of any reader built on it
//   cxx_evaluate      evaluate() on records already parsed (the rules and their words)
//   cxx_round_trip    from_json + evaluate + to_json (the C++ API, JSON in and out)
//   c_abi_round_trip  yr_evaluate (the C ABI, JSON in and out, as a vendor calls it)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "person_read.hpp"
#include "yrkesresan/yrkesresan.h"
#include "yrkesresan/yrkesresan.hpp"

namespace {

struct Data {
    std::vector<std::string> json;
    std::vector<yrkesresan::PersonRecord> records;
    std::string program_id = "gr-barn-unga";
    std::string as_of;
};

Data& data() {
    static Data d;
    return d;
}

const yrkesresan::Program& program() {
    static const yrkesresan::Program p = yrkesresan::Program::builtin(data().program_id);
    return p;
}

void json_parse(benchmark::State& state) {
    const auto& d = data();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(yrkesresan::PersonRecord::from_json(d.json[i]));
        if (++i == d.json.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void json_parse_strict(benchmark::State& state) {
    const auto& d = data();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(yrkesresan::detail::read_person_strict(d.json[i]));
        if (++i == d.json.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// Sees every token and keeps nothing: what a SAX reader of the record costs
// before it stores a single field.
struct CountingSax : nlohmann::json_sax<nlohmann::json> {
    std::size_t tokens = 0;
    bool null() override { return ++tokens != 0; }
    bool boolean(bool) override { return ++tokens != 0; }
    bool number_integer(number_integer_t) override { return ++tokens != 0; }
    bool number_unsigned(number_unsigned_t) override { return ++tokens != 0; }
    bool number_float(number_float_t, const string_t&) override { return ++tokens != 0; }
    bool string(string_t&) override { return ++tokens != 0; }
    bool binary(binary_t&) override { return ++tokens != 0; }
    bool start_object(std::size_t) override { return ++tokens != 0; }
    bool key(string_t&) override { return ++tokens != 0; }
    bool end_object() override { return ++tokens != 0; }
    bool start_array(std::size_t) override { return ++tokens != 0; }
    bool end_array() override { return ++tokens != 0; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

void json_sax_floor(benchmark::State& state) {
    const auto& d = data();
    std::size_t i = 0;
    for (auto _ : state) {
        CountingSax sax;
        benchmark::DoNotOptimize(nlohmann::json::sax_parse(d.json[i], &sax));
        benchmark::DoNotOptimize(sax.tokens);
        if (++i == d.json.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void cxx_evaluate(benchmark::State& state) {
    const auto& d = data();
    const auto as_of = *yrkesresan::Date::parse(d.as_of);  // checked in main
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(yrkesresan::evaluate(program(), d.records[i], as_of));
        if (++i == d.records.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void cxx_round_trip(benchmark::State& state) {
    const auto& d = data();
    const auto as_of = *yrkesresan::Date::parse(d.as_of);  // checked in main
    std::size_t i = 0;
    for (auto _ : state) {
        const auto record = yrkesresan::PersonRecord::from_json(d.json[i]);
        benchmark::DoNotOptimize(yrkesresan::evaluate(program(), record, as_of).to_json());
        if (++i == d.json.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void c_abi_round_trip(benchmark::State& state) {
    const auto& d = data();
    yr_program* p = nullptr;
    if (yr_program_load(d.program_id.c_str(), nullptr, 0, &p) != YR_OK) {
        state.SkipWithError("yr_program_load failed");
        return;
    }
    std::size_t i = 0;
    for (auto _ : state) {
        char* out = nullptr;
        if (yr_evaluate(p, d.json[i].c_str(), d.as_of.c_str(), nullptr, &out) != YR_OK) {
            state.SkipWithError("yr_evaluate failed");
            break;
        }
        benchmark::DoNotOptimize(out);
        yr_string_free(out);
        if (++i == d.json.size()) i = 0;
    }
    yr_program_free(p);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(json_parse);
BENCHMARK(json_parse_strict);
BENCHMARK(json_sax_floor);
BENCHMARK(cxx_evaluate);
BENCHMARK(cxx_round_trip);
BENCHMARK(c_abi_round_trip);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::string records;
    auto& d = data();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--records") records = argv[i + 1];
        else if (flag == "--as-of") d.as_of = argv[i + 1];
        else if (flag == "--program") d.program_id = argv[i + 1];
    }
    if (records.empty() || !yrkesresan::Date::parse(d.as_of)) {
        std::cerr << "usage: yr-bench-evaluate --records persons.jsonl --as-of YYYY-MM-DD [--program ID]\n";
        return 2;
    }
    std::ifstream in(records);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) d.json.push_back(line);
    if (d.json.empty()) {
        std::cerr << "no records in " << records << "\n";
        return 2;
    }
    for (const auto& j : d.json) d.records.push_back(yrkesresan::PersonRecord::from_json(j));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
