// A program's rule book: the whole program in words (Swedish), for a domain
// expert who reviews it against the source documents without reading JSON.
// Every rule stands beside its citation: the words of the source it rests on,
// the document and page, and the interpretation or assumption, marked so.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <string>

#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE

enum class RuleBookFormat : std::uint8_t {
    markdown,  // CommonMark (GitHub renders it); every string of the data escaped
    html,      // one self-contained page (UTF-8, inline print style), every string of the data escaped
};

// The rule book of `program` after its overlays: title, id, version,
// valid_from, organisation, the changelog, the phases, every checklist with
// its items (codes, due rule in words, prerequisites), every component (kind,
// organiser, obligation, window, target group, modules, sessions, groups,
// certificate rule, hours), every recommendation with its value, each with
// its citation. Deterministic: the same program gives the same text, byte for
// byte. Thread-safe (reads the immutable program).
std::string rule_book(const Program& program, RuleBookFormat format);

YRKESRESAN_END_NAMESPACE
