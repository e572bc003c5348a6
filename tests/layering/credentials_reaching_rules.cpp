// The credentials layer signs and verifies documents; it knows no program
// (docs/architecture.md).
#include "crypto.hpp"
#include "program_data.hpp"
