// The main job: evaluates a sample cohort against the built-in GR program and
// prints what a unit manager wants to read.
//
//   yrkesresan-demo --cohort examples/cohort.json [--as-of 2026-11-22] [--lang sv|en] [--todo N]
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "yrkesresan/yrkesresan.hpp"

namespace yr = yrkesresan;

namespace {

struct Words {
    const char* title;
    const char* people;
    const char* hired;
    const char* months;
    const char* phase;
    const char* leave;
    const char* done;
    const char* overdue;
    const char* unassigned;
    const char* due;
    const char* handed;
    const char* overdue_by_role;
    const char* warning;
    const char* todo;
    const char* more;
    const char* late;
    const char* blocked;
    const char* nothing;
    const char* eligibility[6];  // not_targeted, not_yet, eligible, window_passed, in_progress, completed
    const char* offer_not_taken;  // window_passed of an offer or a recommendation: not a duty missed
    const char* window;
    const char* modules;
    const char* sessions;
    const char* certificates_due;
    const char* certificate_issued;
};

const Words swedish{"Introduktionsläget", "personer", "anställd", "mån erfarenhet", "fas", "ledighet", "klara",
                    "försenade", "utan ansvarig", "klar senast", "överlämnad till", "Försenat per ansvarig",
                    "Obs", "Att göra per roll: öppna punkter per person, närmaste deadline först", "till", "försenade", "väntar på",
                    "inget att göra",
                    {"utanför målgruppen", "ej ännu", "kan starta", "fönstret har passerat", "pågår", "genomfört"},
                    "erbjudandet togs inte",
                    "fönster", "moduler", "tillfällen", "Intyg att utfärda", "intyg utfärdat"};
const Words english{"Introduction status", "people", "employed", "months of experience", "phase", "leave", "done",
                    "overdue", "without a responsible", "due", "handed to", "Overdue by responsible role",
                    "Note", "To do per role: open items per person, soonest deadline first", "more", "overdue", "waiting for", "nothing to do",
                    {"not targeted", "not yet", "can start", "window passed", "in progress", "completed"},
                    "offer not taken",
                    "window", "modules", "sessions", "Certificates to issue", "certificate issued"};

std::string bar(int done, int total, int width = 20) {
    const int filled = total == 0 ? width : done * width / total;
    return "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), '.') + "]";
}

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;  // count UTF-8 code points, not bytes
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Todo {
    std::string person;
    yr::Action action;
};

}  // namespace

int main(int argc, char** argv) {
    std::string cohort_path = "examples/cohort.json";
    std::string as_of_text = "2026-11-22";
    yr::Language lang = yr::Language::sv;
    std::size_t todo_limit = 12;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--cohort") cohort_path = value;
        else if (flag == "--as-of") as_of_text = value;
        else if (flag == "--lang") lang = value == "en" ? yr::Language::en : yr::Language::sv;
        else if (flag == "--todo") todo_limit = std::stoul(value);
        else {
            std::cerr << "unknown option " << flag << "\n";
            return 2;
        }
    }
    const auto as_of = yr::Date::parse(as_of_text);
    if (!as_of) {
        std::cerr << "--as-of needs a date YYYY-MM-DD\n";
        return 2;
    }
    const Words& w = lang == yr::Language::en ? english : swedish;

    try {
        const yr::Program program = yr::Program::builtin("gr-barn-unga");
        const auto cohort = nlohmann::json::parse(read(cohort_path));
        std::cout << w.title << " " << as_of->to_string() << "\n"
                  << program.title() << " (" << program.id() << " " << program.version() << "), " << cohort.size()
                  << " " << w.people << "\n";

        std::map<yr::Role, std::vector<Todo>, std::less<>> todo;
        std::vector<std::pair<std::string, yr::CertificateResult>> due_certificates;
        for (const auto& record : cohort) {
            // One bad record is reported (code and place, never its values) and the rest go on.
            std::optional<yr::PersonRecord> read_person;
            std::optional<yr::Evaluation> evaluated;
            try {
                read_person = yr::PersonRecord::from_json(record.dump());
                evaluated = yr::evaluate(program, *read_person, *as_of, {lang});
            } catch (const yr::Error& e) {
                std::cout << "\n" << record.value("id", "?") << "\n  " << e.what() << "\n";
                continue;
            }
            const auto& person = *read_person;
            const auto& ev = *evaluated;
            std::cout << "\n" << ev.person << "  " << ev.municipality << (ev.unit.empty() ? "" : " / " + ev.unit) << "\n"
                      << "  " << w.hired << " " << person.employment_start.to_string() << " · " << ev.experience.months
                      << " " << w.months << " · " << w.phase << ": " << ev.phase.label;
            if (ev.experience.leave_days > 0) std::cout << " · " << w.leave << " " << ev.experience.leave_days << " d";
            std::cout << "\n";
            for (const auto& c : ev.checklists) {
                const auto& s = c.summary;
                std::cout << "  " << pad(c.id, 23) << bar(s.done + s.waived, s.total) << " "
                          << s.done + s.waived << "/" << s.total << " " << w.done;
                if (s.overdue) std::cout << " · " << s.overdue << " " << w.overdue;
                if (s.unassigned && !c.complete) std::cout << " · " << s.unassigned << " " << w.unassigned;
                if (!c.complete && c.due) std::cout << " · " << w.due << " " << c.due->to_string();
                if (c.handed_to)
                    std::cout << " · " << w.handed << " " << yr::to_string(*c.handed_to) << " "
                              << (c.completed_on ? c.completed_on->to_string() : "");
                std::cout << "\n";
            }
            // The course, supervision and support: where the person stands.
            for (const auto& c : ev.components) {
                if (c.kind == yr::Component::Kind::annual) continue;
                const bool offer_passed = c.eligibility == yr::Eligibility::window_passed && c.obligation != yr::Obligation::duty;
                std::cout << "  " << pad(c.id, 23)
                          << (offer_passed ? w.offer_not_taken : w.eligibility[static_cast<int>(c.eligibility)]);
                if (c.kind == yr::Component::Kind::course) {
                    int done = 0, total = 0;
                    for (const auto& m : ev.modules) {
                        if (m.component != c.id) continue;
                        ++total;
                        done += m.state == yr::ModuleState::completed;
                    }
                    if (done) std::cout << " · " << done << "/" << total << " " << w.modules;
                }
                if (c.kind == yr::Component::Kind::supervision && c.sessions_counted)
                    std::cout << " · " << c.sessions_counted << "/" << c.sessions_required << " " << w.sessions;
                if (c.window && c.eligibility != yr::Eligibility::completed && c.eligibility != yr::Eligibility::not_targeted)
                    std::cout << " · " << w.window << " " << c.window->from.to_string() << " – " << c.window->last().to_string();
                for (const auto& cert : ev.certificates)
                    if (cert.component == c.id && cert.status == yr::CertificateStatus::issued)
                        std::cout << " · " << w.certificate_issued << " " << cert.issued_on->to_string();
                std::cout << "\n";
            }
            for (const auto& cert : ev.certificates)
                if (cert.status == yr::CertificateStatus::due) due_certificates.push_back({ev.person, cert});
            // Overdue items by the role responsible for them.
            std::map<yr::Role, std::vector<std::string>, std::less<>> overdue;
            for (const auto& a : ev.actions) {
                if (a.state == yr::ItemState::overdue) overdue[a.role].push_back(a.what);
                todo[a.role].push_back({ev.person, a});
            }
            if (!overdue.empty()) {
                std::cout << "  " << w.overdue_by_role << ":\n";
                for (const auto& [role, items] : overdue) {
                    std::cout << "    " << pad(std::string(yr::to_string(role)), 4) << items.size() << ": ";
                    for (std::size_t i = 0; i < items.size() && i < 3; ++i) std::cout << (i ? "; " : "") << items[i];
                    if (items.size() > 3) std::cout << "; +" << items.size() - 3;
                    std::cout << "\n";
                }
            }
            for (const auto& warning : ev.warnings) std::cout << "  " << w.warning << ": " << warning.message << "\n";
        }

        if (!due_certificates.empty()) {
            std::cout << "\n" << w.certificates_due << "\n";
            for (const auto& [who, cert] : due_certificates)
                std::cout << "  " << who << "  " << pad(cert.component, 22) << cert.completed_on->to_string() << "  "
                          << cert.certificate_id << "\n";
        }

        // Per role: one line per person, the person with the soonest deadline first.
        std::cout << "\n" << w.todo << "\n";
        for (const auto& [role, items] : todo) {
            std::vector<std::string> order;
            std::map<std::string, std::vector<const yr::Action*>> by_person;
            for (const auto& t : items) {
                if (!by_person.count(t.person)) order.push_back(t.person);
                by_person[t.person].push_back(&t.action);
            }
            auto first_due = [&](const std::string& p) {
                std::optional<yr::Date> due;
                for (const auto* a : by_person[p])
                    if (a->due && (!due || *a->due < *due)) due = a->due;
                return due;
            };
            std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
                const auto da = first_due(a), db = first_due(b);
                if (da.has_value() != db.has_value()) return da.has_value();
                return da && *da < *db;
            });
            std::cout << "  " << yr::to_string(role) << "\n";
            for (std::size_t i = 0; i < order.size() && i < todo_limit; ++i) {
                const auto& actions = by_person[order[i]];
                const auto due = first_due(order[i]);
                std::size_t late = 0;
                for (const auto* a : actions) late += a->state == yr::ItemState::overdue;
                std::cout << "    " << (due ? due->to_string() : std::string(10, ' ')) << "  " << order[i] << "  "
                          << actions.size();
                if (late) std::cout << " (" << late << " " << w.late << ")";
                std::cout << ": ";
                for (std::size_t k = 0; k < actions.size() && k < 2; ++k) std::cout << (k ? "; " : "") << actions[k]->what;
                if (actions.size() > 2) std::cout << "; +" << actions.size() - 2;
                std::cout << "\n";
            }
            if (order.size() > todo_limit) std::cout << "    … +" << order.size() - todo_limit << " " << w.more << "\n";
        }
    } catch (const yr::Error& e) {
        std::cerr << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
