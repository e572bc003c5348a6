// RFC 8785 (JCS) and the strict reader of verified documents, against
// independent vectors: cyberphone/json-canonicalization (the RFC's author's
// test data, including the ES6 number sequence) and JSONTestSuite.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto.hpp"
#include "jcs.hpp"
#include "json_test_suite.hpp"
#include "json_value.hpp"
#include "support.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;
using yrkesresan::detail::JsonValue;
namespace fs = std::filesystem;
namespace detail = yrkesresan::detail;

namespace {
const fs::path vectors = fs::path(YR_SOURCE_DIR) / "tests" / "vectors";

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string number(double v) {
    std::string out;
    detail::write_jcs_number(v, out);
    return out;
}

double from_bits(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}
}  // namespace

TEST_CASE("RFC 8785 test data canonicalise byte for byte", "[jcs]") {
    const fs::path dir = vectors / "json-canonicalization" / "testdata";
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(dir / "input")) {
        const std::string name = entry.path().filename().string();
        INFO(name);
        const std::string expected = file_bytes(dir / "output" / name);
        CHECK(yrkesresan::canonicalize_json(file_bytes(entry.path())) == expected);
        // outhex/ holds the same bytes in hex: a check on the copy itself.
        std::string hex = file_bytes(dir / "outhex" / (entry.path().stem().string() + ".txt"));
        hex.erase(std::remove_if(hex.begin(), hex.end(), [](char c) { return !std::isxdigit(static_cast<unsigned char>(c)); }),
                  hex.end());
        std::transform(hex.begin(), hex.end(), hex.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
        CHECK(detail::to_hex(reinterpret_cast<const std::uint8_t*>(expected.data()), expected.size()) == hex);
        ++cases;
    }
    CHECK(cases == 6);
}

TEST_CASE("numbers are ECMAScript Number.prototype.toString", "[jcs]") {
    // The README's sample lines and RFC 8785 appendix B.
    CHECK(number(from_bits(0x4340000000000001)) == "9007199254740994");
    CHECK(number(from_bits(0x4340000000000002)) == "9007199254740996");
    CHECK(number(from_bits(0x444b1ae4d6e2ef50)) == "1e+21");
    CHECK(number(from_bits(0x3eb0c6f7a0b5ed8d)) == "0.000001");
    CHECK(number(from_bits(0x3eb0c6f7a0b5ed8c)) == "9.999999999999997e-7");
    CHECK(number(from_bits(0x8000000000000000)) == "0");
    CHECK(number(from_bits(0x0000000000000001)) == "5e-324");
    CHECK(number(from_bits(0x7fefffffffffffff)) == "1.7976931348623157e+308");
    CHECK(number(from_bits(0x44b52d02c7e14af6)) == "1e+23");
    CHECK(number(from_bits(0x44b52d02c7e14af7)) == "1.0000000000000001e+23");
    CHECK(number(from_bits(0x4024000000000000)) == "10");
    CHECK(number(-0.5) == "-0.5");
    CHECK(number(from_bits(0x444b1ae4d6e2ef4f)) == "999999999999999900000");
    CHECK(number(48) == "48");
    CHECK(number(333333333.33333329) == "333333333.3333333");
    CHECK_THROWS_AS(number(std::nan("")), yrkesresan::Error);
    CHECK_THROWS_AS(number(HUGE_VAL), yrkesresan::Error);
}

// The generator of cyberphone's es6testfile100m.txt (testdata/README.md):
// static edge cases, 2000 values from the smallest normal upwards, then
// doubles from a SHA-256 chain. The file's SHA-256 over its first N lines is
// published, so the formatting of every value is checked without the file.
TEST_CASE("the ES6 number sequence hashes as published for its first 100000 lines", "[jcs]") {
    static const std::uint64_t statics[] = {
        0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x8000000000000001, 0xc46696695dbd1cc3, 0xc43211ede4974a35,
        0xc3fce97ca0f21056, 0xc3c7213080c1a6ac, 0xc39280f39a348556, 0xc35d9b1f5d20d557, 0xc327af4c4a80aaac, 0xc2f2f2a36ecd5556,
        0xc2be51057e155558, 0xc28840d131aaaaac, 0xc253670dc1555557, 0xc21f0b4935555557, 0xc1e8d5d42aaaaaac, 0xc1b3de4355555556,
        0xc17fca0555555556, 0xc1496e6aaaaaaaab, 0xc114585555555555, 0xc0e046aaaaaaaaab, 0xc0aa0aaaaaaaaaaa, 0xc074d55555555555,
        0xc040aaaaaaaaaaab, 0xc00aaaaaaaaaaaab, 0xbfd5555555555555, 0xbfa1111111111111, 0xbf6b4e81b4e81b4f, 0xbf35d867c3ece2a5,
        0xbf0179ec9cbd821e, 0xbecbf647612f3696, 0xbe965e9f80f29212, 0xbe61e54c672874db, 0xbe2ca213d840baf8, 0xbdf6e80fe033c8c6,
        0xbdc2533fe68fd3d2, 0xbd8d51ffd74c861c, 0xbd5774ccac3d3817, 0xbd22c3d6f030f9ac, 0xbcee0624b3818f79, 0xbcb804ea293472c7,
        0xbc833721ba905bd3, 0xbc4ebe9c5db3c61e, 0xbc18987d17c304e5, 0xbbe3ad30dfcf371d, 0xbbaf7b816618582f, 0xbb792f9ab81379bf,
        0xbb442615600f9499, 0xbb101e77800c76e1, 0xbad9ca58cce0be35, 0xbaa4a1e0a3e6fe90, 0xba708180831f320d, 0xba3a68cd9e985016,
        0x446696695dbd1cc3, 0x443211ede4974a35, 0x43fce97ca0f21056, 0x43c7213080c1a6ac, 0x439280f39a348556, 0x435d9b1f5d20d557,
        0x4327af4c4a80aaac, 0x42f2f2a36ecd5556, 0x42be51057e155558, 0x428840d131aaaaac, 0x4253670dc1555557, 0x421f0b4935555557,
        0x41e8d5d42aaaaaac, 0x41b3de4355555556, 0x417fca0555555556, 0x41496e6aaaaaaaab, 0x4114585555555555, 0x40e046aaaaaaaaab,
        0x40aa0aaaaaaaaaaa, 0x4074d55555555555, 0x4040aaaaaaaaaaab, 0x400aaaaaaaaaaaab, 0x3fd5555555555555, 0x3fa1111111111111,
        0x3f6b4e81b4e81b4f, 0x3f35d867c3ece2a5, 0x3f0179ec9cbd821e, 0x3ecbf647612f3696, 0x3e965e9f80f29212, 0x3e61e54c672874db,
        0x3e2ca213d840baf8, 0x3df6e80fe033c8c6, 0x3dc2533fe68fd3d2, 0x3d8d51ffd74c861c, 0x3d5774ccac3d3817, 0x3d22c3d6f030f9ac,
        0x3cee0624b3818f79, 0x3cb804ea293472c7, 0x3c833721ba905bd3, 0x3c4ebe9c5db3c61e, 0x3c18987d17c304e5, 0x3be3ad30dfcf371d,
        0x3baf7b816618582f, 0x3b792f9ab81379bf, 0x3b442615600f9499, 0x3b101e77800c76e1, 0x3ad9ca58cce0be35, 0x3aa4a1e0a3e6fe90,
        0x3a708180831f320d, 0x3a3a68cd9e985016, 0x4024000000000000, 0x4014000000000000, 0x3fe0000000000000, 0x3fa999999999999a,
        0x3f747ae147ae147b, 0x3f40624dd2f1a9fc, 0x3f0a36e2eb1c432d, 0x3ed4f8b588e368f1, 0x3ea0c6f7a0b5ed8d, 0x3e6ad7f29abcaf48,
        0x3e35798ee2308c3a, 0x3ed539223589fa95, 0x3ed4ff26cd5a7781, 0x3ed4f95a762283ff, 0x3ed4f8c60703520c, 0x3ed4f8b72f19cd0d,
        0x3ed4f8b5b31c0c8d, 0x3ed4f8b58d1c461a, 0x3ed4f8b5894f7f0e, 0x3ed4f8b588ee37f3, 0x3ed4f8b588e47da4, 0x3ed4f8b588e3849c,
        0x3ed4f8b588e36bb5, 0x3ed4f8b588e36937, 0x3ed4f8b588e368f8, 0x3ed4f8b588e368f1, 0x3ff0000000000000, 0xbff0000000000000,
        0xbfeffffffffffffa, 0xbfeffffffffffffb, 0x3feffffffffffffa, 0x3feffffffffffffb, 0x3feffffffffffffc, 0x3feffffffffffffe,
        0xbfefffffffffffff, 0xbfefffffffffffff, 0x3fefffffffffffff, 0x3fefffffffffffff, 0x3fd3333333333332, 0x3fd3333333333333,
        0x3fd3333333333334, 0x0010000000000000, 0x000ffffffffffffd, 0x000fffffffffffff, 0x7fefffffffffffff, 0xffefffffffffffff,
        0x4340000000000000, 0xc340000000000000, 0x4430000000000000, 0x44b52d02c7e14af5, 0x44b52d02c7e14af6, 0x44b52d02c7e14af7,
        0x444b1ae4d6e2ef4e, 0x444b1ae4d6e2ef4f, 0x444b1ae4d6e2ef50, 0x3eb0c6f7a0b5ed8c, 0x3eb0c6f7a0b5ed8d, 0x41b3de4355555553,
        0x41b3de4355555554, 0x41b3de4355555555, 0x41b3de4355555556, 0x41b3de4355555557, 0xbecbf647612f3696, 0x43143ff3c1cb0959,
    };
    std::vector<std::uint64_t> sequence(std::begin(statics), std::end(statics));
    for (std::uint64_t i = 0; i < 2000; ++i) sequence.push_back(0x0010000000000000 + i);
    // Then: block = SHA-256(block), starting from 32 zero bytes; its four
    // little-endian doubles in order, skipping zeros and non-finite values.
    std::string block(32, '\0');
    const std::size_t lines = 100000;
    while (sequence.size() < lines) {
        const auto h = detail::sha256_bytes(block);
        block.assign(reinterpret_cast<const char*>(h.data()), h.size());
        for (int k = 0; k < 4 && sequence.size() < lines; ++k) {
            std::uint64_t bits = 0;
            for (int b = 7; b >= 0; --b) bits = (bits << 8) | h[static_cast<std::size_t>(k * 8 + b)];
            const double f = from_bits(bits);
            if (f != 0.0 && std::isfinite(f)) sequence.push_back(bits);
        }
    }
    std::string text;
    text.reserve(lines * 40);
    std::string hash_1000;
    for (std::size_t i = 0; i < lines; ++i) {
        char hex[17];
        std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(sequence[i]));
        text += hex;
        text += ',';
        detail::write_jcs_number(from_bits(sequence[i]), text);
        text += '\n';
        if (i + 1 == 1000) {
            const auto h = detail::sha256_bytes(text);
            hash_1000 = detail::to_hex(h.data(), h.size());
        }
    }
    CHECK(hash_1000 == "be18b62b6f69cdab33a7e0dae0d9cfa869fda80ddc712221570f9f40a5878687");
    const auto h = detail::sha256_bytes(text);
    CHECK(detail::to_hex(h.data(), h.size()) == "22776e6d4b49fa294a0d0f349268e5c28808fe7e0cb2bcbe28f63894e494d4c7");
    CHECK(text.size() == 4031728);
}

TEST_CASE("keys sort by UTF-16 code units, not by bytes", "[jcs]") {
    // U+1F600 (a surrogate pair, 0xD83D 0xDE00) sorts before U+FB33 in UTF-16
    // although its UTF-8 bytes (F0 ...) sort after EF AC B3.
    CHECK(detail::jcs_key_less("\xF0\x9F\x98\x80", "\xEF\xAC\xB3"));
    CHECK_FALSE(detail::jcs_key_less("\xEF\xAC\xB3", "\xF0\x9F\x98\x80"));
    // Below U+E000 byte order and UTF-16 order agree.
    CHECK(detail::jcs_key_less("\xED\x9F\xBF", "\xF0\x9F\x98\x80"));  // U+D7FF < U+1F600
    CHECK(detail::jcs_key_less("a", "ab"));
    CHECK(detail::jcs_key_less("", "a"));
    CHECK_FALSE(detail::jcs_key_less("a", "a"));
    CHECK(yrkesresan::canonicalize_json(R"({"\ufb33":1,"\ud83d\ude00":2,"\u00f6":3,"z":4})") ==
          "{\"z\":4,\"\xC3\xB6\":3,\"\xF0\x9F\x98\x80\":2,\"\xEF\xAC\xB3\":1}");
    // nlohmann orders by bytes: the reason this serializer exists.
    CHECK(json::parse(R"({"\ufb33":1,"\ud83d\ude00":2})").dump() != yrkesresan::canonicalize_json(R"({"\ufb33":1,"\ud83d\ude00":2})"));
}

TEST_CASE("strings escape as RFC 8785 says", "[jcs]") {
    CHECK(yrkesresan::canonicalize_json(R"(["\u0000\u001f\b\t\n\f\r\"\\\/\u007f\u2028 é"])") ==
          "[\"\\u0000\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\x7f\xE2\x80\xA8 \xC3\xA9\"]");
    JsonValue bad("\xC3");
    CHECK_THROWS_AS(detail::jcs(bad), yrkesresan::Error);  // invalid UTF-8 has no canonical form
}

TEST_CASE("the strict reader rejects what a verifier must not accept", "[jcs]") {
    const auto rejects = [](std::string_view text) {
        try {
            detail::read_json_strict(text);
            return false;
        } catch (const yrkesresan::Error& e) {
            // The message names the place, never the input's content.
            return e.code() == yrkesresan::ErrorCode::parse_error || e.code() == yrkesresan::ErrorCode::limit_exceeded;
        }
    };
    CHECK(rejects(R"({"a":1,"a":1})"));                 // duplicate keys
    CHECK(rejects(R"({"a":1,"b":{"c":1,"c":2}})"));     // nested duplicates
    CHECK(rejects(R"({"\u0061":1,"a":2})"));            // duplicates after unescaping
    CHECK(rejects(R"(["\ud800"])"));                     // lone high surrogate
    CHECK(rejects(R"(["\udc00"])"));                     // lone low surrogate
    CHECK(rejects("[\"\xED\xA0\x80\"]"));                // surrogate in UTF-8
    CHECK(rejects("[\"\xC0\xAF\"]"));                    // overlong
    CHECK(rejects("\xEF\xBB\xBF{}"));                    // BOM
    CHECK(rejects("[1e400]"));                           // beyond a double
    CHECK(rejects("[01]"));
    CHECK(rejects("[1.]"));
    CHECK(rejects("{} x"));
    CHECK(rejects(std::string(40, '[') + std::string(40, ']')));  // deeper than the limit
    CHECK_FALSE(rejects(R"({"a":[1,-0,0.5e-3,"\ud83d\ude00"],"b":{}})"));
    try {
        detail::read_json_strict(R"({"personnummer":"19121212-1212","personnummer":1})");
        FAIL("accepted a duplicate key");
    } catch (const yrkesresan::Error& e) {
        CHECK(std::string(e.what()).find("1212") == std::string::npos);
        CHECK(std::string(e.what()).find("personnummer") == std::string::npos);
    }
}

TEST_CASE("JSONTestSuite: y_ accepted (but duplicate keys), n_ rejected, i_ never a crash; y_ read as nlohmann reads them", "[jcs]") {
    const detail::InputLimits limits{1u << 20, 512};
    int accepted = 0, rejected = 0, either = 0;
    for (const auto& [name, text] : json_test_suite()) {
        INFO(name);
        bool ok = true;
        JsonValue v;
        try {
            v = detail::read_json_strict(text, limits);
        } catch (const yrkesresan::Error&) {
            ok = false;
        }
        if (name.rfind("y_object_duplicated_key", 0) == 0) {
            CHECK_FALSE(ok);  // RFC 8259 allows them; I-JSON and verification do not
            ++rejected;
        } else if (name[0] == 'y') {
            CHECK(ok);
            ++accepted;
            // An independent parser reads the same value.
            if (ok) CHECK(detail::jcs(v) == detail::jcs(detail::from_nlohmann(json::parse(text))));
        } else if (name[0] == 'n') {
            CHECK_FALSE(ok);
            ++rejected;
        } else {
            ++either;
        }
    }
    CHECK(accepted == 93);
    CHECK(rejected == 190);
    CHECK(either == 35);
}

TEST_CASE("values keep members in JCS order and unique", "[jcs]") {
    JsonValue o = JsonValue::object();
    o.set("b", 1);
    o.set("a", "x");
    o.set("b", 2);
    REQUIRE(o.members().size() == 2);
    CHECK(o.members()[0].key == "a");
    CHECK(detail::jcs(o) == R"({"a":"x","b":2})");
    CHECK(o.erase("a"));
    CHECK_FALSE(o.erase("a"));
    std::string out;
    detail::write_jcs_object(detail::read_json_strict(R"({"b":1,"proof":{},"@context":"x","z":2})"), out, "proof", "@context",
                             nullptr);
    CHECK(out == R"({"@context":"x","b":1,"z":2})");
    out.clear();
    const JsonValue replacement("y");
    detail::write_jcs_object(detail::read_json_strict(R"({"b":1,"z":2})"), out, "", "@context", &replacement);
    CHECK(out == R"({"@context":"y","b":1,"z":2})");
}

TEST_CASE("borrowed reading keeps canonical text to copy, and only canonical text", "[jcs]") {
    const std::string canonical = R"({"a":[1,"x\n",{"b":null}],"c":"é"})";
    const JsonValue v = detail::read_json_borrowed(canonical);
    CHECK(v.canonical_source() == canonical);
    CHECK(detail::jcs(v) == canonical);
    for (const char* text : {R"({"a": [1,"x\n",{"b":null}],"c":"é"})", R"({"c":"é","a":[1,"x\n",{"b":null}]})",
                             R"({"a":[1.0,"x\n",{"b":null}],"c":"é"})", R"({"a":[1,"x\u000a",{"b":null}],"c":"é"})",
                             R"({"a":[1,"x\n",{"b":null}],"c":"\u00e9"})", R"({"a":[1,"x\n",{"b":null}],"\u0063":"é"})",
                             "{\"a\":[1,\"x\\n\",{\"b\":null}],\"c\":\"é\"}\n"}) {
        const std::string text_copy = text;
        const JsonValue w = detail::read_json_borrowed(text_copy);
        INFO(text);
        CHECK(detail::jcs(w) == canonical);
        CHECK(w == v);
    }
    // Members that are canonical keep their text when the whole is not.
    const std::string spaced = R"({"z": {"y":[2]}, "a":1})";
    const JsonValue s = detail::read_json_borrowed(spaced);
    CHECK(s.canonical_source().empty());
    CHECK(s.find("z")->canonical_source() == R"({"y":[2]})");
    // A change forgets the canonical text.
    JsonValue changed = detail::read_json_borrowed(canonical);
    changed.set("d", 1);
    CHECK(detail::jcs(changed) == R"({"a":[1,"x\n",{"b":null}],"c":"é","d":1})");
}
