// The rule book as one self-contained HTML page: UTF-8, a small inline style
// that prints on A4, no scripts, no external resources. Every string of the
// program is escaped.
#include <string>
#include <string_view>

#include "html_escape.hpp"
#include "rule_book_doc.hpp"
#include "rule_book_words.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail::rule_book {
namespace {

void escape(std::string_view text, std::string& out) { append_html_escaped(text, out); }

constexpr std::string_view style = R"css(
:root { --ink: #1d2733; --muted: #5b6675; --line: #c9d1db; --accent: #1f4e79; --quote: #f3f6f9; --warn: #8a4b00; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f5; color: var(--ink);
       font: 11pt/1.45 "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 200mm; margin: 10mm auto; background: #fff; padding: 14mm 16mm; border: 1px solid var(--line); }
h1 { font-size: 20pt; color: var(--accent); margin: 0 0 4mm; border-bottom: 3px solid var(--accent); padding-bottom: 3mm; }
h2 { font-size: 15pt; color: var(--accent); margin: 9mm 0 3mm; border-bottom: 1px solid var(--line); }
h3 { font-size: 12.5pt; margin: 7mm 0 2mm; }
h4 { font-size: 11pt; margin: 5mm 0 2mm; color: var(--muted); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; color: var(--muted); }
dl.fakta { display: grid; grid-template-columns: 40mm 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.fakta dt { color: var(--muted); }
dl.fakta dd { margin: 0; }
.regel > p:first-child { margin: 3mm 0 1mm; }
figure.citat { margin: 1mm 0 2mm 4mm; padding: 1.5mm 3mm; background: var(--quote); border-left: 3px solid var(--accent); }
figure.citat blockquote { margin: 0; font-style: italic; }
figure.citat figcaption, p.kalla { color: var(--muted); font-size: 9.5pt; margin: 0.5mm 0 0; }
p.kalla { margin: 1mm 0 2mm 4mm; }
p.tolkning { margin: 1mm 0 2mm 4mm; padding-left: 3mm; border-left: 3px solid var(--muted); }
p.antagande { margin: 1mm 0 2mm 4mm; padding-left: 3mm; border-left: 3px solid var(--warn); color: var(--warn); }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin: 2mm 0 3mm; }
th, td { text-align: left; padding: 1.2mm 1.6mm; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); border-bottom: 1.5px solid var(--ink); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: none; font-size: 10pt; }
  main { margin: 0; border: 0; padding: 0; max-width: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure.citat, p.antagande, p.tolkning { break-inside: avoid; }
}
)css";

void spans(const Spans& text, std::string& out) {
    for (const auto& s : text) {
        switch (s.style) {
            case Span::Style::plain: escape(s.text, out); break;
            case Span::Style::code:
                out += "<code>";
                escape(s.text, out);
                out += "</code>";
                break;
            case Span::Style::strong:
                out += "<strong>";
                escape(s.text, out);
                out += "</strong>";
                break;
            case Span::Style::emphasis:
                out += "<em>";
                escape(s.text, out);
                out += "</em>";
                break;
        }
    }
}

void citation(const Citation& c, std::string& out) {
    if (!c.quote.empty()) {
        out += "<figure class=\"citat\"><blockquote>";
        escape(c.quote, out);
        out += "</blockquote>";
        if (!c.where.empty()) {
            out += "<figcaption>— ";
            escape(c.where, out);
            out += "</figcaption>";
        }
        out += "</figure>\n";
    } else if (!c.where.empty()) {
        out += "<p class=\"kalla\">— ";
        escape(c.where, out);
        out += "</p>\n";
    }
    if (!c.interpretation.empty()) {
        out += "<p class=\"tolkning\"><strong>";
        escape(say(W::interpretation), out);
        out += ":</strong> ";
        escape(c.interpretation, out);
        out += "</p>\n";
    }
    if (!c.assumption.empty()) {
        out += "<p class=\"antagande\"><strong>";
        escape(say(W::assumption), out);
        out += ":</strong> ";
        escape(c.assumption, out);
        out += "</p>\n";
    }
}

void block(const Block& b, std::string& out) {
    switch (b.kind) {
        case Block::Kind::heading: {
            const std::string tag = "h" + std::to_string(b.level);
            out += "<" + tag + " id=\"";
            escape(b.anchor, out);
            out += "\">";
            spans(b.text, out);
            out += "</" + tag + ">\n";
            break;
        }
        case Block::Kind::paragraph:
            out += "<p>";
            spans(b.text, out);
            out += "</p>\n";
            break;
        case Block::Kind::facts:
            out += "<dl class=\"fakta\">\n";
            for (const auto& row : b.rows) {
                out += "<dt>";
                spans(row[0], out);
                out += "</dt><dd>";
                spans(row[1], out);
                out += "</dd>\n";
            }
            out += "</dl>\n";
            break;
        case Block::Kind::rule:
            out += "<div class=\"regel\"><p><strong>";
            escape(b.label, out);
            out += ":</strong> ";
            spans(b.text, out);
            out += "</p>\n";
            for (const auto& c : b.citations) citation(c, out);
            out += "</div>\n";
            break;
        case Block::Kind::table:
            out += "<table>\n<thead><tr>";
            for (const auto& h : b.header) {
                out += "<th>";
                escape(h, out);
                out += "</th>";
            }
            out += "</tr></thead>\n<tbody>\n";
            for (const auto& row : b.rows) {
                out += "<tr>";
                for (const auto& cell : row) {
                    out += "<td>";
                    spans(cell, out);
                    out += "</td>";
                }
                out += "</tr>\n";
            }
            out += "</tbody>\n</table>\n";
            break;
        case Block::Kind::list:
            out += "<ul>\n";
            for (const auto& row : b.rows) {
                out += "<li>";
                spans(row[0], out);
                out += "</li>\n";
            }
            out += "</ul>\n";
            break;
        case Block::Kind::citation:
            for (const auto& c : b.citations) citation(c, out);
            break;
    }
}

}  // namespace

std::string to_html(const Document& doc) {
    std::string out;
    out.reserve(128 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"";
    escape(doc.language, out);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    escape(doc.title, out);
    out += "</title>\n<style>";
    out += style;
    out += "</style>\n</head>\n<body>\n<main>\n";
    for (const auto& b : doc.blocks) block(b, out);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace detail::rule_book
YRKESRESAN_END_NAMESPACE
