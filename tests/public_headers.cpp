// The public headers compiled as C++20 (tests/CMakeLists.txt): the library
// is C++17, its clients may not be. A name C++20 reserves ("requires" was
// once a member of Item) fails the build.
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
