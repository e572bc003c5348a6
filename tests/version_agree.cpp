// Every face reads the one version of the build (project() in CMakeLists.txt):
// the C++ header, the C header and the C library at run time must all say the
// version CMake passes as argv[1]; argv[2] is java/pom.xml's, which Maven
// cannot read from CMake and so is held equal here.
#include <cstdio>
#include <cstring>
#include <string>

#include "yrkesresan/version.hpp"
#include "yrkesresan/yrkesresan.h"

static int failures = 0;

static void expect(const std::string& face, const std::string& said, const std::string& expected) {
    if (said != expected) {
        std::fprintf(stderr, "%s says %s, CMake says %s\n", face.c_str(), said.c_str(), expected.c_str());
        ++failures;
    }
}

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: yr_version_agree CMAKE_VERSION POM_VERSION\n");
        return 2;
    }
    const std::string cmake = argv[1];
    const std::string triple = std::to_string(YRKESRESAN_VERSION_MAJOR) + "." +
                               std::to_string(YRKESRESAN_VERSION_MINOR) + "." +
                               std::to_string(YRKESRESAN_VERSION_PATCH);
    expect("yrkesresan::version_string", yrkesresan::version_string, cmake);
    expect("YRKESRESAN_VERSION_MAJOR.MINOR.PATCH", triple, cmake);
    expect("YR_VERSION_STRING", YR_VERSION_STRING, cmake);
    expect("yr_version_string()", yr_version_string(), cmake);
    expect("yr_version_number()", std::to_string(yr_version_number()), std::to_string(YR_VERSION_NUMBER));
    expect("java/pom.xml", argv[2], cmake);
    if (failures == 0)
        std::printf("version %s: C++ header, C header, C library and java/pom.xml agree\n", cmake.c_str());
    return failures == 0 ? 0 : 1;
}
