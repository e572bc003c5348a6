// Reading the options of the calls whose error travels with them.
#include "options_json.hpp"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "api_entry.hpp"
#include "json_input.hpp"

namespace yr_capi {
namespace {

using yrkesresan::detail::Diagnostics;
using yrkesresan::detail::ObjectReader;

// Options are a handful of short members.
constexpr yrkesresan::detail::InputLimits options_limits{64u << 10, 4, 4096, 64, 256};

// Parses the options object and hands it to `read`; every problem becomes an
// ArgumentError naming the argument, with the problem's kind and path.
void read_options(const char* text, std::size_t size, std::initializer_list<std::string_view> fields,
                  const std::function<void(const ObjectReader&, Diagnostics&)>& read) {
    if (text == nullptr) {
        if (size != 0) throw ArgumentError{"invalid_argument", "argument 'options_json' is NULL with a size"};
        return;
    }
    try {
        yrkesresan::detail::Document doc(yrkesresan::detail::parse_json(std::string_view(text, size), options_limits));
        Diagnostics diag;
        const ObjectReader r(doc.get(), "", diag, fields);
        if (r.ok()) read(r, diag);
        diag.throw_if_any();
    } catch (const yrkesresan::Error& e) {
        // to_string gives a static, NUL-terminated name.
        throw ArgumentError{yrkesresan::to_string(e.code()).data(), "argument 'options_json': " + e.message(), e.path()};
    }
}

}  // namespace

yrkesresan::EvaluateOptions evaluate_options_json(const char* text, std::size_t size) {
    yrkesresan::EvaluateOptions options;
    read_options(text, size, {"language"}, [&](const ObjectReader& r, Diagnostics& diag) {
        const auto language = r.string("language");
        if (!language) return;
        if (*language == "sv") options.language = yrkesresan::Language::sv;
        else if (*language == "en") options.language = yrkesresan::Language::en;
        else diag.add(yrkesresan::ErrorCode::invalid_value, r.path("language"), "language is \"sv\" or \"en\"");
    });
    return options;
}

yrkesresan::IssueOptions certificate_options_json(const char* text, std::size_t size) {
    yrkesresan::IssueOptions options;
    read_options(text, size, {"issuer"}, [&](const ObjectReader& r, Diagnostics&) {
        if (auto issuer = r.string("issuer")) options.issuer = std::move(*issuer);
    });
    return options;
}

CredentialOptions credential_options_json(const char* text, std::size_t size) {
    CredentialOptions o;
    read_options(text, size,
                 {"issuer_url", "issuer_email", "verification_method", "valid_from", "created", "organisation",
                  "status_list", "status_list_index"},
                 [&](const ObjectReader& r, Diagnostics&) {
                     o.issuer.url = r.string("issuer_url").value_or("");
                     o.issuer.email = r.string("issuer_email").value_or("");
                     o.sign.verification_method = r.string("verification_method").value_or("");
                     o.sign.valid_from = r.string("valid_from").value_or("");
                     o.sign.created = r.string("created").value_or("");
                     o.issue.issuer = r.string("organisation").value_or("");
                     o.sign.status_list = r.string("status_list").value_or("");
                     o.sign.status_list_index =
                         static_cast<std::uint64_t>(r.integer("status_list_index", 0, (1LL << 53)).value_or(0));
                 });
    return o;
}

}  // namespace yr_capi
