// The population layer reads the rules' assessment into columns; it has no
// words of the evaluation layer (docs/architecture.md).
#include "assessment.hpp"
#include "describe.hpp"
