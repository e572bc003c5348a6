// Fuzz target: RFC 8785 JSON canonicalisation, the strict reader under every
// signature (no duplicate keys, UTF-8 only, I-JSON numbers).
//   - canonicalising is idempotent: canonical text is its own canonical form;
//   - the canonical text means the same JSON as the input (numbers as doubles);
//   - yr_json_canonicalize gives the same text, or the same error kind.
#include "harness.hpp"
#include "yrkesresan/credential.hpp"

namespace {

// RFC 8785 reads every number as an IEEE double (18181188185118451184 is
// 18181188185118450000): compare the meaning as doubles too.
void as_doubles(nlohmann::json& j) {
    if (j.is_number()) {
        j = j.get<double>();
    } else if (j.is_structured()) {
        for (auto& v : j) as_doubles(v);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    std::optional<yrkesresan::Error> error;
    std::optional<std::string> canonical;
    yr_fuzz::accepts([&] { canonical = yrkesresan::canonicalize_json(input); }, &error);
    if (canonical) {
        std::optional<std::string> again;
        yr_fuzz::accepts([&] { again = yrkesresan::canonicalize_json(*canonical); });
        yr_fuzz::require(again && *again == *canonical, "canonical JSON is its own canonical form");
        nlohmann::json original = nlohmann::json::parse(input, nullptr, false);
        yr_fuzz::require(!original.is_discarded(), "what the strict reader accepts is JSON");
        nlohmann::json result = yr_fuzz::parses(*canonical, "canonicalize_json");
        as_doubles(original);
        as_doubles(result);
        yr_fuzz::require(result == original, "the canonical form means the same JSON");
    }
    if (yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        char* out = nullptr;
        const int rc = yr_json_canonicalize(nul_terminated.c_str(), &out);
        yr_fuzz::same_as_c(rc, out, canonical, error, "yr_json_canonicalize");
    }
    return 0;
}
