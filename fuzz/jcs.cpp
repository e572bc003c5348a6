// Fuzz target: RFC 8785 JSON canonicalisation, the strict reader under every
// signature (no duplicate keys, UTF-8 only, I-JSON numbers).
//   - canonicalising is idempotent: canonical text is its own canonical form;
//   - the canonical text means the same JSON as the input;
//   - yr_json_canonicalize gives the same text, or the same error kind.
#include "harness.hpp"
#include "yrkesresan/credential.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = yr_fuzz::text(data, size);
    std::optional<yrkesresan::Error> error;
    std::optional<std::string> canonical;
    yr_fuzz::accepts([&] { canonical = yrkesresan::canonicalize_json(input); }, &error);
    if (canonical) {
        std::optional<std::string> again;
        yr_fuzz::accepts([&] { again = yrkesresan::canonicalize_json(*canonical); });
        yr_fuzz::require(again && *again == *canonical, "canonical JSON is its own canonical form");
        const nlohmann::json original = nlohmann::json::parse(input, nullptr, false);
        yr_fuzz::require(!original.is_discarded(), "what the strict reader accepts is JSON");
        yr_fuzz::require(yr_fuzz::parses(*canonical, "canonicalize_json") == original,
                         "the canonical form means the same JSON");
    }
    if (yr_fuzz::c_string_safe(input)) {
        const std::string nul_terminated(input);
        char* out = nullptr;
        const int rc = yr_json_canonicalize(nul_terminated.c_str(), &out);
        yr_fuzz::same_as_c(rc, out, canonical, error, "yr_json_canonicalize");
    }
    return 0;
}
