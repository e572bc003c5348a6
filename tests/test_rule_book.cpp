// The rule book (yrkesresan/rule_book.hpp): the program in words, every rule
// beside its citation, and the committed rule books of the built-in programs
// (docs/programs/) up to date.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "program_data.hpp"
#include "support.hpp"

using namespace yr_test;

namespace {

std::string html_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// Every citation of a program, with where it sits (for the failure message).
std::vector<std::pair<std::string, SourceRef>> citations(const Program& p) {
    std::vector<std::pair<std::string, SourceRef>> out;
    auto add = [&](std::string where, const SourceRef& s) {
        if (!s.quote.empty() || !s.assumption.empty() || !s.interpretation.empty()) out.emplace_back(std::move(where), s);
    };
    add("experience", detail::program_data(p).experience_source);
    for (const auto& c : p.changes())
        for (const auto& s : c.sources) add("changes " + c.version, s);
    for (const auto& ph : p.phases()) add("phase " + ph.id, ph.source);
    for (const auto& c : p.checklists()) add("checklist " + c.id, c.source);
    for (const auto& s : p.sections()) add("section " + s.id, s.source);
    for (const auto& it : p.items()) add("item " + it.id, it.source);
    for (const auto& c : p.components()) {
        add("component " + c.id, c.source);
        if (c.organiser) add("organiser of " + c.id, c.organiser->source);
        add("obligation of " + c.id, c.obligation_source);
        if (c.target) add("target of " + c.id, c.target->source);
        if (c.window) add("window of " + c.id, c.window->source);
        if (const Course* course = c.as<Course>())
            if (course->certificate) add("certificate of " + c.id, *course->certificate);
        if (const Supervision* s = c.as<Supervision>()) {
            add("group of " + c.id, s->group.source);
            if (s->certificate) add("certificate of " + c.id, s->certificate->source);
        }
        if (const AnnualActivity* a = c.as<AnnualActivity>()) add("group of " + c.id, a->group.source);
    }
    for (const auto& r : p.recommendations()) {
        add("recommendation " + r.id, r.source);
        add("window of recommendation " + r.id, r.window.source);
    }
    return out;
}

// The text between `from` and the next `until` after it.
std::string between(const std::string& text, std::string_view from, std::string_view until) {
    const auto at = text.find(from);
    if (at == std::string::npos) return {};
    const auto end = text.find(until, at + from.size());
    return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

json tricky_program() {
    return json::parse(R"json({
      "format": 1, "id": "test", "version": "1", "valid_from": "2026-01-01",
      "title": "Test <b>fet</b> & \"citat\"",
      "phases": [{"id": "a", "label": "A", "from_months": 0}],
      "checklists": [{"id": "c", "label": "C", "due": {"months_after_start": 1},
                      "sections": [{"id": "s", "label": "S", "items": [
                        {"id": "x", "label": "Ring <chef> & 'kolla' | * _ [x](y)",
                         "comment": "1. inte en lista",
                         "source": {"seed": "001", "pages": "36", "quote": "<script>alert(1)</script>",
                                    "interpretation": "a < b"}},
                        {"id": "y", "label": "Y", "requires": ["x"],
                         "due": {"days_after_hired": 3, "otherwise": {"days_before_start": 2}},
                         "source": {"seed": "001", "pages": "37", "assumption": "tre dagar & <mer>"}}]}]}]
    })json");
}

}  // namespace

TEST_CASE("the GR rule book says the rules with their quotes and pages", "[rule_book][R9]") {
    const std::string md = rule_book(gr(), RuleBookFormat::markdown);
    CHECK(md.rfind("# Regelbok: De första åren som socialsekreterare inom myndighetsutövning barn och unga\n", 0) == 0);
    CHECK(md.find("- **Program-id:** `gr-barn-unga`") != std::string::npos);
    CHECK(md.find("- **Version:** " + gr().version()) != std::string::npos);
    CHECK(md.find("- **Gäller från:** 2015-04-15") != std::string::npos);
    CHECK(md.find("## Ändringar\n\n### Version " + gr().changes().at(0).version) != std::string::npos);

    // The course window (R4) in words, beside its quote and page.
    const std::string window = between(md, "**Fönster:** start 4–12 månader efter anställningens start", "**Moduler:**");
    CHECK(window.find("> Starta inom 4 mån") != std::string::npos);
    CHECK(window.find("> — dokument 001, s. 28–29") != std::string::npos);

    // Due rules in words, per item (R3, rev 2).
    CHECK(md.find("| Välkomstbrev med information (`valkomstbrev`) | Se mall för välkomstbrev | – | "
                  "dagen före första arbetsdagen | – |") != std::string::npos);
    CHECK(md.find("| Presentera fadder (`presentera-fadder`) | – | – | första arbetsdagen | – |") != std::string::npos);
    CHECK(md.find("| Nycklar (`nycklar`) | – | – | inom 4 månader från anställningens start | – |") != std::string::npos);
    const std::string inform = between(md, "**Informera administratör om anställningen:**", "## Komponenter");
    CHECK(inform.find("7 dagar efter beslut om anställning (annars dagen före första arbetsdagen)") != std::string::npos);
    CHECK(inform.find("så fort som möjligt efter beslut om anställning") != std::string::npos);
    CHECK(inform.find("— dokument 001, s. 36") != std::string::npos);
    CHECK(inform.find("**Antagande (står inte i källan):**") != std::string::npos);  // the 7 days

    // Codes, hand-over and prerequisites of the administrator's list.
    const std::string admin = between(md, "### Checklista administratör förbereda ankomst", "### Checklista enhetschef");
    CHECK(admin.find("**Ansvar (förval):** AD") != std::string::npos);
    CHECK(admin.find("**Lämnas ifylld till:** EC") != std::string::npos);
    CHECK(admin.find("**Varje moment förutsätter:** Informera administratör om anställningen "
                     "(`ec-informera-administrator`)") != std::string::npos);
    CHECK(admin.find("| AD | dagen före första arbetsdagen | Förbered välkomstbrevet och skicka till administratör "
                     "(`ec-forbered-valkomstbrev`) |") != std::string::npos);

    // The course hours are an assumption, marked as one beside the rule.
    const std::string modules = between(md, "**Moduler:** 8 moduler om 6 timmar var", "**Intyg:**");
    CHECK(modules.find("> Åtta-dagars utbildning") != std::string::npos);
    CHECK(modules.find("**Antagande (står inte i källan):**") != std::string::npos);
    CHECK(md.find("- **Förutsätter:** närvaro på Modul 2; inlämnad uppgift från Modul 2") != std::string::npos);

    // Supervision: an offer, no target group of its own, groups that mix municipalities.
    const std::string supervision = between(md, "### Yrkesinriktad handledning i grupp (`handledning`)", "### Mentor");
    CHECK(supervision.find("**Förpliktelse:** erbjudande") != std::string::npos);
    CHECK(supervision.find("**Målgrupp:** alla; programmet avgränsar ingen målgrupp") != std::string::npos);
    CHECK(supervision.find("**Fönster:** start vid 12–24 månaders erfarenhet") != std::string::npos);
    CHECK(supervision.find("**Tillfällen:** 10 tillfällen om 2 timmar") != std::string::npos);
    CHECK(supervision.find("**Grupper:** 6–8 deltagare; deltagarna blandas över kommungränserna") != std::string::npos);
    CHECK(supervision.find("**Intyg:** utfärdas efter minst 8 tillfällen inom 12 månader från det första") !=
          std::string::npos);

    CHECK(md.find("**Timmar per vecka:** 4 timmar per vecka 0–12 månader efter anställningens start; "
                  "2 timmar per vecka 12–24 månader efter anställningens start") != std::string::npos);
    CHECK(md.find("### Andel av heltid på ärenden (`case_share`)\n\n**Värde:** 0,5") != std::string::npos);
}

TEST_CASE("the Uppsala rule book: one phase, no deadline, annual offers", "[rule_book][R7]") {
    const std::string md = rule_book(Program::builtin("uppsala-bistand-lss"), RuleBookFormat::markdown);
    CHECK(md.find("**Erfarenhet:** all erfarenhet (från 0 månader)") != std::string::npos);
    CHECK(md.find("| Auskultation med samverkanspartner (`auskultation`) | – | EC | ingen tidsgräns | – |") !=
          std::string::npos);
    CHECK(md.find("**Per kalenderår:** 4 gånger") != std::string::npos);
    CHECK(md.find("**Per kalenderår:** minst 1 gång") != std::string::npos);
    CHECK(md.find("Kalenderåret då anställningen börjar är ett delår") != std::string::npos);
    CHECK(md.find("- **000**: ") != std::string::npos);
}

TEST_CASE("every quote, interpretation and assumption stands in the rule book beside its page", "[rule_book][R9]") {
    for (const auto& id : Program::builtin_ids()) {
        const Program p = Program::builtin(id);
        const std::string html = rule_book(p, RuleBookFormat::html);
        for (const auto& [where, s] : citations(p)) {
            INFO(id << ": " << where);
            if (!s.quote.empty()) {
                std::string cited = "<blockquote>" + html_escaped(s.quote) + "</blockquote>";
                if (!s.seed.empty()) cited += "<figcaption>— dokument " + s.seed + ", s. " + html_escaped(s.pages);
                CHECK(html.find(cited) != std::string::npos);
            }
            if (!s.interpretation.empty())
                CHECK(html.find("<p class=\"tolkning\"><strong>Tolkning:</strong> " + html_escaped(s.interpretation) +
                                "</p>") != std::string::npos);
            if (!s.assumption.empty())
                CHECK(html.find("<p class=\"antagande\"><strong>Antagande (står inte i källan):</strong> " +
                                html_escaped(s.assumption) + "</p>") != std::string::npos);
        }
    }
}

TEST_CASE("the rule book escapes every string of the program", "[rule_book]") {
    const Program p = Program::from_json(tricky_program().dump());
    const std::string html = rule_book(p, RuleBookFormat::html);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"sv\">", 0) == 0);
    CHECK(html.find("<title>Regelbok: Test &lt;b&gt;fet&lt;/b&gt; &amp; &quot;citat&quot;</title>") != std::string::npos);
    CHECK(html.find("Ring &lt;chef&gt; &amp; &#39;kolla&#39; | * _ [x](y)") != std::string::npos);
    CHECK(html.find("<blockquote>&lt;script&gt;alert(1)&lt;/script&gt;</blockquote>") != std::string::npos);
    CHECK(html.find("<chef>") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("Tolkning:</strong> a &lt; b</p>") != std::string::npos);
    CHECK(html.find("Antagande (står inte i källan):</strong> tre dagar &amp; &lt;mer&gt;</p>") != std::string::npos);
    CHECK(html.find("3 dagar efter beslut om anställning (annars 2 dagar före första arbetsdagen)") != std::string::npos);

    const std::string md = rule_book(p, RuleBookFormat::markdown);
    CHECK(md.find("# Regelbok: Test \\<b\\>fet\\</b\\> \\& \"citat\"\n") != std::string::npos);
    CHECK(md.find("| Ring \\<chef\\> \\& 'kolla' \\| \\* \\_ \\[x\\](y) (`x`) | 1. inte en lista |") != std::string::npos);
    CHECK(md.find("> \\<script\\>alert(1)\\</script\\>\n") != std::string::npos);
    CHECK(md.find("**Antagande (står inte i källan):** tre dagar \\& \\<mer\\>") != std::string::npos);
    // Prerequisites by label and id.
    CHECK(md.find("| Y (`y`) | – | – | 3 dagar efter beslut om anställning (annars 2 dagar före första arbetsdagen) | "
                  "Ring \\<chef\\>") != std::string::npos);
}

TEST_CASE("the rule book of a program with overlays shows the layers and what they add", "[rule_book][R3]") {
    const Program p = gr().with_overlay(read_file(std::string(YR_SOURCE_DIR) + "/data/overlays/example-kungalv.json"));
    const std::string md = rule_book(p, RuleBookFormat::markdown);
    REQUIRE(!p.layers().empty());
    CHECK(md.find("- **Lokala anpassningar:** `" + p.layers().front() + "`") != std::string::npos);
    for (const auto& it : p.items()) CHECK(md.find("(`" + it.id + "`)") != std::string::npos);
    CHECK(rule_book(p, RuleBookFormat::markdown) == md);  // deterministic
}

TEST_CASE("the committed rule books in docs/programs/ are up to date", "[rule_book][docs]") {
    for (const auto& id : Program::builtin_ids()) {
        const Program p = Program::builtin(id);
        for (const auto& [ext, format] : {std::pair{".md", RuleBookFormat::markdown}, std::pair{".html", RuleBookFormat::html}}) {
            const std::string file = "docs/programs/" + id + ext;
            std::ifstream in(std::string(YR_SOURCE_DIR) + "/" + file, std::ios::binary);
            std::ostringstream committed;
            committed << in.rdbuf();
            if (!in || committed.str() != rule_book(p, format))
                FAIL_CHECK(file << " is out of date with the program data (or missing): regenerate the rule books "
                                   "with `cmake --build --preset default --target rule-books` and commit them");
        }
    }
}
