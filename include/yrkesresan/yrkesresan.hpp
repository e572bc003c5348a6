// yrkesresan: the rules of Swedish introduction and competence programs for
// social workers (GR's "De första åren", SKR's Yrkesresan, Uppsala county).
#pragma once

#include "yrkesresan/certificate.hpp"
#include "yrkesresan/check.hpp"
#include "yrkesresan/components.hpp"
#include "yrkesresan/date.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/experience.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/program.hpp"
#include "yrkesresan/roles.hpp"
#include "yrkesresan/rule_book.hpp"
#include "yrkesresan/version.hpp"
