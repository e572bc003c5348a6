// The writer of the library's output documents (src/json/json_writer.hpp) against
// nlohmann::json::dump(), which wrote them before: the same text for the
// same values, and for doubles the shortest digits that read back exactly.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_writer.hpp"
#include "yrkesresan/error.hpp"

using yrkesresan::detail::JsonWriter;

namespace {

std::string written(double v) {
    std::string out;
    JsonWriter(out).value(v);
    return out;
}

std::string dumped(double v) { return nlohmann::json(v).dump(); }

bool exponent_form(const std::string& s) { return s.find('e') != std::string::npos; }

}  // namespace

TEST_CASE("the values the documents hold are written as nlohmann wrote them", "[json_writer]") {
    // Hours rounded to hundredths, rates, halves, integers as doubles, and
    // each edge of nlohmann's fixed notation (decimal exponent -4 to 15).
    for (double v : {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 312.86, 313.14, 174.86, 0.01, 0.1, 1e-4, 1.5e-4, 1e-5, 123.456,
                     1e15, 999999999999999.0, 1e16, 1.5e16, 1e17, 1e21, 1e22, 1e100, 1.7976931348623157e308,
                     std::numeric_limits<double>::denorm_min(), 2.5e-308, 1e-300})
        CHECK(written(v) == dumped(v));
    for (long cents = -100000; cents <= 100000; cents += 7) {
        const double v = static_cast<double>(cents) / 100;
        REQUIRE(written(v) == dumped(v));
    }
    CHECK(written(std::nan("")) == "null");
    CHECK(written(std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("any double is written in its shortest digits and reads back exactly", "[json_writer]") {
    // nlohmann's Grisu2 sometimes gives one digit more than the shortest
    // (7.233906901463859e+16 for 7.23390690146386e+16), or another last
    // digit of the same length; both read back. The writer gives the
    // shortest, closest digits, in the same notation.
    std::mt19937_64 rng(20261122);
    int differ = 0;
    for (int i = 0; i < 200000; ++i) {
        const std::uint64_t bits = rng();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) continue;
        const std::string mine = written(v), theirs = dumped(v);
        REQUIRE(std::strtod(mine.c_str(), nullptr) == v);
        REQUIRE(mine.size() <= theirs.size());
        REQUIRE(exponent_form(mine) == exponent_form(theirs));
        differ += mine != theirs;
    }
    CHECK(differ < 2000);  // under 1%: the Grisu2 cases above, no systematic difference
}

TEST_CASE("strings are escaped as nlohmann escapes them and must be UTF-8", "[json_writer]") {
    for (std::string s : {std::string("plain"), std::string("\"quoted\" \\ back"), std::string("tab\there\nnew\r\f\b"),
                          std::string("\x01\x1f\x7f", 3), std::string("nul\0byte", 8), std::string("Göteborg – 1:e 😀"),
                          std::string("")}) {
        std::string out;
        JsonWriter(out).value(s);
        CHECK(out == nlohmann::json(s).dump());
    }
    for (const char* bad : {"\xff", "\xc3", "\xed\xa0\x80", "\xe0\x80\x80", "\xf4\x90\x80\x80"}) {
        std::string out;
        CHECK_THROWS_AS(JsonWriter(out).value(bad), yrkesresan::Error);
    }
}

TEST_CASE("containers, members and nulls are written as nlohmann's ordered_json writes them", "[json_writer]") {
    std::string out;
    JsonWriter w(out);
    w.begin_object().member("a", 1).member("b", "x").key("c").begin_array();
    w.begin_object().end_object().begin_array().end_array().value(true).value(nullptr).value(std::optional<int>{});
    w.value(std::optional<int>{3}).value(std::vector<std::string>{"p", "q"}).end_array();
    w.key("d").begin_object().member("e", -7LL).member("f", 2.0).key("g").string_or_null("").end_object();
    w.member("h", std::uint64_t{18446744073709551615u}).member("i", false).end_object();

    nlohmann::ordered_json j;
    j["a"] = 1;
    j["b"] = "x";
    j["c"] = {nlohmann::ordered_json::object(), nlohmann::ordered_json::array(), true, nullptr, nullptr, 3,
              nlohmann::ordered_json::array({"p", "q"})};
    j["d"] = {{"e", -7}, {"f", 2.0}, {"g", nullptr}};
    j["h"] = std::uint64_t{18446744073709551615u};
    j["i"] = false;
    CHECK(out == j.dump());
}
