// The rule book as a small document tree, built once from the program
// (rule_book.cpp) and written as Markdown (rule_book_markdown.cpp) or HTML
// (rule_book_html.cpp): both formats say the same words in the same order.
// Text is plain here; each writer escapes it for its format.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail::rule_book {

// A run of text and how it is set.
struct Span {
    enum class Style : std::uint8_t { plain, code, strong, emphasis };
    std::string text;
    Style style = Style::plain;
};
using Spans = std::vector<Span>;

// Where a rule comes from. `where` is "dokument 001, s. 36" (empty: the data
// names no document). A rule either quotes its source or states an assumption.
struct Citation {
    std::string where;
    std::string quote;
    std::string interpretation;
    std::string assumption;
};

struct Block {
    enum class Kind : std::uint8_t {
        heading,    // level 1-4, text, anchor
        paragraph,  // text
        facts,      // rows: label (row[0]) and value (row[1])
        rule,       // label: text, then its citations
        table,      // header, rows
        list,       // rows: one cell each
        citation,   // citations (of the heading above)
    };
    Kind kind = Kind::paragraph;
    int level = 0;
    std::string anchor;  // heading: an id of [a-z0-9-] for links
    std::string label;   // rule
    Spans text;
    std::vector<std::string> header;
    std::vector<std::vector<Spans>> rows;
    std::vector<Citation> citations;
};

struct Document {
    std::string title;     // the page's title (HTML <title>)
    std::string language;  // "sv"
    std::vector<Block> blocks;
};

std::string to_markdown(const Document& doc);
std::string to_html(const Document& doc);

}  // namespace detail::rule_book
YRKESRESAN_END_NAMESPACE
