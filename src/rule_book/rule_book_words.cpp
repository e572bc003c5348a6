// The rule book's own words. To add a language: a column here, a language
// argument to say() and to rule_book().
#include <cstddef>

#include "rule_book_words.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail::rule_book {
namespace {

struct Wording {
    W word;
    std::string_view sv;
};

constexpr Wording wordings[] = {
    {W::book_title, "Regelbok: {title}"},
    {W::intro,
     "Den här regelboken är skriven av biblioteket yrkesresan ur programmets data: den säger med ord samma regler "
     "som biblioteket räknar med. Bredvid varje regel står dess källa: citatet ur källtexten med dokument och "
     "sida, och där källans ord inte räcker den tolkning eller det antagande som regeln bygger på, märkt som "
     "sådant."},
    {W::guide_heading, "Så läser du regelboken"},
    {W::guide_quote, "Citat (indraget stycke): källans egna ord, med dokument och sida."},
    {W::guide_interpretation, "Tolkning: hur ett citat som kan läsas på flera sätt läses här."},
    {W::guide_assumption,
     "Antagande: regeln vilar inte på källans ord; värdet står i programmets data och kan ändras där."},
    {W::guide_months,
     "Tider räknas i hela kalendermånader. Tider räknade från anställningens start skjuts fram med ledighet, "
     "och ledighet pausar erfarenheten."},
    {W::guide_windows,
     "Ett fönster 4–12 månader öppnar när 4 månader har gått och stänger när 12 månader har gått. Har ett fönster "
     "på erfarenheten stängt redan när anställningen börjar, hör personen inte till komponentens målgrupp."},
    {W::codes_heading, "Ansvarskoder"},
    {W::code_ec, "enhetschef"},
    {W::code_forste, "förste socialsekreterare eller metodhandledare"},
    {W::code_fa, "fadder"},
    {W::code_ad, "administratör"},
    {W::code_sj, "den nyanställde söker och läser själv"},
    {W::code_ej, "behöver ingen introduktion: momentet stryks för personen (kan inte kombineras med andra koder)"},
    {W::program_heading, "Programmet"},
    {W::fact_title, "Titel"},
    {W::fact_id, "Program-id"},
    {W::fact_version, "Version"},
    {W::fact_valid_from, "Gäller från"},
    {W::fact_organisation, "Organisation"},
    {W::fact_field, "Verksamhetsområde"},
    {W::fact_layers, "Lokala anpassningar"},
    {W::sources_heading, "Källdokument"},
    {W::changes_heading, "Ändringar"},
    {W::change_heading, "Version {version}, {date}"},
    {W::no_changes, "Programmet har inga registrerade ändringar."},
    {W::experience_heading, "Erfarenhet"},
    {W::experience_rule, "Relevant erfarenhet"},
    {W::phases_heading, "Faser"},
    {W::phase_rule, "Erfarenhet"},
    {W::months_range, "{from}–{to} månader"},
    {W::months_from, "från {from} månader"},
    {W::months_all, "all erfarenhet (från 0 månader)"},
    {W::checklists_heading, "Checklistor"},
    {W::due_label, "Klart senast"},
    {W::responsible_label, "Ansvar (förval)"},
    {W::responsible_per_person, "fylls i per person i introduktionsplanen"},
    {W::handover_label, "Lämnas ifylld till"},
    {W::prerequisites_label, "Förutsätter"},
    {W::list_prerequisites_label, "Varje moment förutsätter"},
    {W::none, "–"},
    {W::col_item, "Moment"},
    {W::col_comment, "Kommentar"},
    {W::col_codes, "Ansvar"},
    {W::col_due, "Klart senast"},
    {W::col_prerequisites, "Förutsätter"},
    {W::item_sources, "Källor till enskilda moment"},
    {W::components_heading, "Komponenter"},
    {W::kind_label, "Slag"},
    {W::kind_course, "kurs (introduktionsprogram i moduler)"},
    {W::kind_supervision, "handledning i grupp"},
    {W::kind_mentor, "mentor"},
    {W::kind_introduktor, "introduktör"},
    {W::kind_annual, "årlig aktivitet"},
    {W::organiser_label, "Anordnare"},
    {W::organiser_none, "anges inte i programmet"},
    {W::obligation_label, "Förpliktelse"},
    {W::obligation_duty, "skyldighet: arbetsgivaren ska se till att den genomförs"},
    {W::obligation_offer, "erbjudande: personen väljer själv att delta"},
    {W::obligation_recommendation, "rekommendation"},
    {W::passed_duty, "ett passerat fönster är en åtgärd för enhetschefen"},
    {W::passed_offer, "ett passerat fönster redovisas som ett erbjudande som inte togs, utan åtgärd för enhetschefen"},
    {W::passed_recommendation,
     "ett passerat fönster redovisas som en rekommendation som inte följdes, utan åtgärd för enhetschefen"},
    {W::target_label, "Målgrupp"},
    {W::target_rule, "under {months} månaders erfarenhet när anställningen börjar"},
    {W::target_all, "alla; programmet avgränsar ingen målgrupp"},
    {W::window_label, "Fönster"},
    {W::window_start_employment, "start {from}–{to} månader efter anställningens start"},
    {W::window_start_experience, "start vid {from}–{to} månaders erfarenhet"},
    {W::window_employment, "{from}–{to} månader efter anställningens start"},
    {W::window_experience, "vid {from}–{to} månaders erfarenhet"},
    {W::modules_label, "Moduler"},
    {W::modules_rule, "{count} moduler om {hours} timmar var, i tur och ordning"},
    {W::modules_rule_no_hours, "{count} moduler, i tur och ordning (programmet anger inga timmar)"},
    {W::module_content, "Innehåll"},
    {W::module_material, "Material"},
    {W::module_tasks, "Uppgift"},
    {W::module_goals, "Mål"},
    {W::module_requires, "Förutsätter"},
    {W::requires_attended, "närvaro på {module}"},
    {W::requires_homework, "inlämnad uppgift från {module}"},
    {W::sessions_label, "Tillfällen"},
    {W::sessions_rule, "{count} tillfällen om {hours} timmar"},
    {W::sessions_rule_no_hours, "{count} tillfällen (programmet anger inga timmar)"},
    {W::group_label, "Grupper"},
    {W::group_size, "{min}–{max} deltagare"},
    {W::group_no_size, "programmet anger ingen storlek; samordnaren väljer den"},
    {W::group_mix, "deltagarna blandas över kommungränserna"},
    {W::certificate_label, "Intyg"},
    {W::certificate_course, "utfärdas när alla moduler är genomgångna och alla uppgifter inlämnade"},
    {W::certificate_supervision, "utfärdas efter minst {sessions} tillfällen inom {months} månader från det första"},
    {W::certificate_none, "inget intyg"},
    {W::mentor_label, "Mentor"},
    {W::holder_named_by_label, "Utses senast"},
    {W::holder_named_by_start, "när fönstret öppnar (tidigast första arbetsdagen)"},
    {W::holder_named_by_end, "när fönstret stänger"},
    {W::mentor_more_experienced, "en mer erfaren kollega"},
    {W::mentor_other_municipality, "från en annan kommun"},
    {W::hours_label, "Timmar per vecka"},
    {W::hours_rule, "{hours} timmar per vecka {from}–{to} månader efter anställningens start"},
    {W::annual_label, "Per kalenderår"},
    {W::annual_exactly, "{count} gånger"},
    {W::annual_at_least, "minst {count} gånger"},
    {W::annual_once, "1 gång"},
    {W::annual_at_least_once, "minst 1 gång"},
    {W::annual_partial_year,
     "Kalenderåret då anställningen börjar är ett delår: tillfällena räknas men bedöms inte (utom när "
     "anställningen börjar den 1 januari)."},
    {W::recommendations_heading, "Rekommendationer"},
    {W::value_label, "Värde"},
    {W::applies_label, "Gäller"},
    {W::due_none, "ingen tidsgräns"},
    {W::due_months, "inom {count} månader från anställningens start"},
    {W::due_month_one, "inom 1 månad från anställningens start"},
    {W::due_first_day, "första arbetsdagen"},
    {W::due_day_before, "dagen före första arbetsdagen"},
    {W::due_days_before, "{count} dagar före första arbetsdagen"},
    {W::due_hired_same_day, "samma dag som beslut om anställning"},
    {W::due_hired_day_after, "dagen efter beslut om anställning"},
    {W::due_hired_days_after, "{count} dagar efter beslut om anställning"},
    {W::due_otherwise, "{rule} (annars {otherwise})"},
    {W::where_pages, "dokument {seed}, s. {pages}"},
    {W::where_seed, "dokument {seed}"},
    {W::interpretation, "Tolkning"},
    {W::assumption, "Antagande (står inte i källan)"},
};

constexpr bool in_order() {
    std::size_t i = 0;
    for (const auto& w : wordings)
        if (static_cast<std::size_t>(w.word) != i++) return false;
    return i == static_cast<std::size_t>(W::count_);
}
static_assert(in_order(), "one wording per word, in the order of enum W");

}  // namespace

std::string say(W word, Args args) {
    const std::string_view text = wordings[static_cast<std::size_t>(word)].sv;
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            const std::string_view name = text.substr(i + 1, close - i - 1);
            for (const auto& [key, value] : args)
                if (key == name) out += value;
            i = close + 1;
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace detail::rule_book
YRKESRESAN_END_NAMESPACE
