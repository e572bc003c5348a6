// The control: the edges the graph declares build (docs/architecture.md).
#include "assessment.hpp"
#include "certificate_id.hpp"
#include "describe.hpp"
#include "jcs.hpp"
#include "program_data.hpp"
