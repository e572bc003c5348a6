// Compiled as part of the rules layer's dependencies only: a rule that
// tried to put its decision into words would include the evaluation layer's
// messages. The build must not find the header (docs/architecture.md).
#include "assessment.hpp"
#include "messages.hpp"
