// The public headers compiled as C++20 (tests/CMakeLists.txt): the library
// is C++17, its clients may not be. A name C++20 reserves ("requires" was
// once a member of Item) fails the build, and so does a client's way back to
// the library's internals: a key's secret bytes, a program's definition, the
// benchmarks' options.
#include "yrkesresan/certificate.hpp"
#include "yrkesresan/components.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"
#include "yrkesresan/date.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/experience.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/population.hpp"
#include "yrkesresan/program.hpp"
#include "yrkesresan/roles.hpp"
#include "yrkesresan/rule_book.hpp"
#include "yrkesresan/version.hpp"
#include "yrkesresan/yrkesresan.hpp"

#include <type_traits>
#include <utility>

namespace {
template <class T, class = void>
struct has_secret_key_bytes : std::false_type {};
template <class T>
struct has_secret_key_bytes<T, std::void_t<decltype(std::declval<const T&>().secret_key_bytes())>> : std::true_type {};
template <class T, class = void>
struct has_data : std::false_type {};
template <class T>
struct has_data<T, std::void_t<decltype(std::declval<const T&>().data())>> : std::true_type {};
template <class T, class = void>
struct has_decode_only : std::false_type {};
template <class T>
struct has_decode_only<T, std::void_t<decltype(std::declval<const T&>().decode_only)>> : std::true_type {};

static_assert(!has_secret_key_bytes<yrkesresan::SigningKey>::value, "the secret is the signing code's alone");
static_assert(!has_data<yrkesresan::Program>::value, "a program's definition is the library's own");
static_assert(!has_decode_only<yrkesresan::PopulationOptions>::value, "decode_only is the benchmarks' option");
// The checks can fail: each detector finds what it looks for.
struct WithAll {
    int secret_key_bytes() const;
    int data() const;
    bool decode_only;
};
static_assert(has_secret_key_bytes<WithAll>::value && has_data<WithAll>::value && has_decode_only<WithAll>::value);
}  // namespace
