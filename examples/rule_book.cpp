// Writes a program's rule book (yrkesresan/rule_book.hpp): the program in
// words, every rule beside its citation, for review against the sources.
//
//   yrkesresan-rule-book [--format markdown|html] [--overlay FILE]... PROGRAM
//       PROGRAM is a built-in id (gr-barn-unga) or a program JSON file; the
//       rule book goes to standard output.
//   yrkesresan-rule-book --write DIR
//       every built-in program in both formats: DIR/<id>.md and DIR/<id>.html
//       (docs/programs/ is written so: cmake --build --preset default --target rule-books).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "yrkesresan/yrkesresan.hpp"

namespace yr = yrkesresan;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

int usage() {
    std::cerr << "usage: yrkesresan-rule-book [--format markdown|html] [--overlay FILE]... PROGRAM\n"
                 "       yrkesresan-rule-book --write DIR\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 2 && args[0] == "--write") {
            for (const auto& id : yr::Program::builtin_ids()) {
                const auto program = yr::Program::builtin(id);
                write(args[1] + "/" + id + ".md", yr::rule_book(program, yr::RuleBookFormat::markdown));
                write(args[1] + "/" + id + ".html", yr::rule_book(program, yr::RuleBookFormat::html));
                std::cout << "wrote " << args[1] << "/" << id << ".md and .html\n";
            }
            return 0;
        }
        auto format = yr::RuleBookFormat::markdown;
        std::vector<std::string> overlays;
        std::string program;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (args[i] == "--format" && i + 1 < args.size()) {
                const std::string& f = args[++i];
                if (f == "markdown") format = yr::RuleBookFormat::markdown;
                else if (f == "html") format = yr::RuleBookFormat::html;
                else return usage();
            } else if (args[i] == "--overlay" && i + 1 < args.size()) {
                overlays.push_back(read(args[++i]));
            } else if (program.empty() && args[i].rfind("--", 0) != 0) {
                program = args[i];
            } else {
                return usage();
            }
        }
        if (program.empty()) return usage();
        const auto ids = yr::Program::builtin_ids();
        const bool builtin = std::find(ids.begin(), ids.end(), program) != ids.end();
        const auto loaded = (builtin ? yr::Program::builtin(program) : yr::Program::from_json(read(program)))
                                .with_overlays(overlays);
        std::cout << yr::rule_book(loaded, format);
        return 0;
    } catch (const yr::Error& e) {
        std::cerr << "yrkesresan-rule-book: " << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "yrkesresan-rule-book: " << e.what() << "\n";
    }
    return 1;
}
