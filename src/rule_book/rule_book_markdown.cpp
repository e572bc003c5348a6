// The rule book as CommonMark (GitHub Flavored Markdown tables). Every
// string of the program is escaped: a label cannot start a list, close a
// table cell, open a link or carry HTML.
#include <string>
#include <string_view>

#include "rule_book_doc.hpp"
#include "rule_book_words.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail::rule_book {
namespace {

// Backslash escapes of CommonMark's ASCII punctuation that could mean
// something here; a line break becomes a space (each block is one line).
void escape(std::string_view text, std::string& out) {
    for (const char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
            case '|': case '&': case '~': case '#': case '!':
                out += '\\';
                out += c;
                break;
            case '\n': case '\r': out += ' '; break;
            default: out += c;
        }
    }
}

// At the start of a line, "1. " or "- " would begin a list and "+" too.
void escape_line_start(std::string_view text, std::string& out) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
        out.append(text.substr(0, digits));
        out += '\\';
        escape(text.substr(digits), out);
        return;
    }
    if (!text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == '=')) out += '\\';
    escape(text, out);
}

void spans(const Spans& text, std::string& out, bool line_start) {
    for (const auto& s : text) {
        switch (s.style) {
            case Span::Style::code:
                // Ids are lowercase ASCII ([a-z0-9-_]); no backtick can close the span.
                out += '`';
                for (const char c : s.text) out += c == '`' ? '\'' : c;
                out += '`';
                break;
            case Span::Style::strong:
                out += "**";
                escape(s.text, out);
                out += "**";
                break;
            case Span::Style::emphasis:
                out += '*';
                escape(s.text, out);
                out += '*';
                break;
            case Span::Style::plain:
                if (line_start && &s == &text.front()) escape_line_start(s.text, out);
                else escape(s.text, out);
                break;
        }
    }
}

void citation(const Citation& c, std::string& out) {
    if (!c.quote.empty()) {
        out += "> ";
        escape_line_start(c.quote, out);
        out += "\n";
        if (!c.where.empty()) {
            out += ">\n> — ";
            escape(c.where, out);
            out += "\n";
        }
        out += "\n";
    } else if (!c.where.empty()) {
        out += "— ";
        escape(c.where, out);
        out += "\n\n";
    }
    if (!c.interpretation.empty()) {
        out += '*';
        escape(say(W::interpretation), out);
        out += ":* ";
        escape(c.interpretation, out);
        out += "\n\n";
    }
    if (!c.assumption.empty()) {
        out += "**";
        escape(say(W::assumption), out);
        out += ":** ";
        escape(c.assumption, out);
        out += "\n\n";
    }
}

}  // namespace

std::string to_markdown(const Document& doc) {
    std::string out;
    out.reserve(64 * 1024);
    for (const auto& b : doc.blocks) {
        switch (b.kind) {
            case Block::Kind::heading:
                out.append(static_cast<std::size_t>(b.level), '#');
                out += ' ';
                spans(b.text, out, false);
                out += "\n\n";
                break;
            case Block::Kind::paragraph:
                spans(b.text, out, true);
                out += "\n\n";
                break;
            case Block::Kind::facts:
                for (const auto& row : b.rows) {
                    out += "- **";
                    spans(row[0], out, false);
                    out += ":** ";
                    spans(row[1], out, false);
                    out += "\n";
                }
                out += "\n";
                break;
            case Block::Kind::rule:
                out += "**";
                escape(b.label, out);
                out += ":** ";
                spans(b.text, out, false);
                out += "\n\n";
                for (const auto& c : b.citations) citation(c, out);
                break;
            case Block::Kind::table:
                out += "|";
                for (const auto& h : b.header) {
                    out += " ";
                    escape(h, out);
                    out += " |";
                }
                out += "\n|";
                for (std::size_t i = 0; i < b.header.size(); ++i) out += " --- |";
                out += "\n";
                for (const auto& row : b.rows) {
                    out += "|";
                    for (const auto& cell : row) {
                        out += " ";
                        spans(cell, out, false);
                        out += " |";
                    }
                    out += "\n";
                }
                out += "\n";
                break;
            case Block::Kind::list:
                for (const auto& row : b.rows) {
                    out += "- ";
                    spans(row[0], out, false);
                    out += "\n";
                }
                out += "\n";
                break;
            case Block::Kind::citation:
                for (const auto& c : b.citations) citation(c, out);
                break;
        }
    }
    // One newline at the end of the file.
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace detail::rule_book
YRKESRESAN_END_NAMESPACE
