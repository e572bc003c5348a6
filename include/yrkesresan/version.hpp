#pragma once

#define YRKESRESAN_VERSION_MAJOR 0
#define YRKESRESAN_VERSION_MINOR 1
#define YRKESRESAN_VERSION_PATCH 0

namespace yrkesresan {
inline constexpr const char* version_string = "0.1.0";
}
