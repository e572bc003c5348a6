// The printable intyg: one HTML page, Swedish, A4 print CSS, with the signed
// credential embedded so that the saved page can still be verified.
#include "credential_format.hpp"
#include "html_escape.hpp"
#include "crypto.hpp"
#include "jcs.hpp"
#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {

using detail::JsonValue;

std::string esc(std::string_view s) { return detail::html_escaped(s); }

std::string_view str(const JsonValue* object, std::string_view key) {
    if (!object) return {};
    return object->find_string(key).value_or(std::string_view{});
}

std::string hours_text(const JsonValue* hours) {
    if (!hours || hours->kind() != JsonValue::Kind::number) return "";
    std::string s;
    detail::write_jcs_number(hours->number(), s);
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

// JSON inside <script>: '<', '>' and '&' only occur in strings there, and
// their \u escapes keep the same JSON value (and so the same signature).
std::string script_safe(std::string_view json) {
    std::string out;
    out.reserve(json.size() + 64);
    for (const char c : json) {
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else out += c;
    }
    return out;
}

constexpr const char* style = R"css(
:root { --ink: #1d2733; --muted: #5b6675; --line: #c9d1db; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f5; color: var(--ink);
       font: 11pt/1.45 "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif; }
.intyg { max-width: 190mm; margin: 12mm auto; background: #fff; padding: 16mm 18mm;
         border: 1px solid var(--line); }
header { border-bottom: 3px solid var(--accent); padding-bottom: 6mm; margin-bottom: 6mm; }
.utfardare { margin: 0; color: var(--muted); font-size: 10pt; letter-spacing: .04em; text-transform: uppercase; }
h1 { margin: 2mm 0 0; font-size: 26pt; color: var(--accent); letter-spacing: .02em; }
.vad { margin: 1mm 0 0; font-size: 16pt; font-weight: 600; }
.program { margin: 1mm 0 0; color: var(--muted); }
h2 { font-size: 12pt; color: var(--accent); margin: 7mm 0 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; }
th, td { text-align: left; padding: 1.6mm 2mm; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--ink); }
.summa { margin-top: 3mm; }
dl { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
.teknik dd { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
.kontroll ol { padding-left: 5mm; margin: 0; }
.kontroll li { margin-bottom: 1.5mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--line); padding-top: 3mm; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; font-size: 10.5pt; }
  .intyg { margin: 0; padding: 0; border: 0; max-width: none; }
  tr, .kontroll li, dl { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string certificate_html(std::string_view credential_json) {
    const JsonValue doc = detail::read_json_strict(credential_json, detail::InputLimits{1u << 20, 32});
    const JsonValue* content = doc.find(detail::content_member);
    if (!doc.is_object() || !content || !content->is_object())
        throw Error(ErrorCode::invalid_value, "", "the credential carries no yrkesresan certificate content");
    const JsonValue* issuer = doc.find("issuer");
    const JsonValue* proof = doc.find("proof");
    const JsonValue* program = content->find("program");
    const JsonValue* component = content->find("component");
    const JsonValue* parts = content->find("parts");
    const JsonValue* source = content->find("source");
    const JsonValue* subject = doc.find("credentialSubject");
    const JsonValue* achievement = subject ? subject->find("achievement") : nullptr;
    const JsonValue* criteria = achievement ? achievement->find("criteria") : nullptr;
    const std::string canonical = detail::jcs(doc);
    const auto fingerprint = detail::sha256_bytes(canonical);
    const std::string_view valid_from = str(&doc, "validFrom");

    std::string h;
    h.reserve(12000);
    h += "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>Intyg: " + esc(str(component, "label")) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";
    h += "<main class=\"intyg\">\n<header>\n";
    h += "<p class=\"utfardare\">" + esc(str(issuer, "name")) + "</p>\n";
    h += "<h1>Intyg</h1>\n";
    h += "<p class=\"vad\">" + esc(str(component, "label")) + "</p>\n";
    h += "<p class=\"program\">" + esc(str(program, "title")) + " (" + esc(str(program, "id")) + ", version " +
         esc(str(program, "version")) + ")</p>\n</header>\n";

    h += "<section class=\"intygar\">\n<p>Härmed intygas att personen med det pseudonyma id:t <strong>" +
         esc(str(content, "person")) + "</strong> har genomfört <strong>" + esc(str(component, "label")) +
         "</strong>. Det sista kravet uppfylldes <strong>" + esc(str(content, "completed_on")) + "</strong>.</p>\n";
    h += "<h2>Genomförda moment</h2>\n<table>\n<thead><tr><th>Moment</th><th>Datum</th><th>Hemuppgift inlämnad</th>"
         "<th>Omgång</th></tr></thead>\n<tbody>\n";
    if (parts && parts->is_array()) {
        for (const auto& p : parts->items()) {
            h += "<tr><td>" + esc(str(&p, "label")) + "</td><td>" + esc(str(&p, "date")) + "</td><td>" +
                 esc(str(&p, "homework_submitted")) + "</td><td>" + esc(str(&p, "round")) + "</td></tr>\n";
        }
    }
    h += "</tbody>\n</table>\n";
    const std::string hours = hours_text(content->find("hours"));  // none when the program gives no hours
    h += "<p class=\"summa\">" + (hours.empty() ? std::string() : "Omfattning: <strong>" + esc(hours) + " timmar</strong>. ") +
         "Språk: svenska.</p>\n";
    if (!str(criteria, "narrative").empty()) h += "<p>Krav: " + esc(str(criteria, "narrative")) + "</p>\n";
    h += "</section>\n";

    h += "<section class=\"utfardat\">\n<h2>Utfärdare</h2>\n<dl>\n";
    h += "<dt>Utfärdare</dt><dd>" + esc(str(issuer, "name")) + "</dd>\n";
    h += "<dt>Utfärdarens id</dt><dd>" + esc(str(issuer, "id")) + "</dd>\n";
    const std::string_view organisation = str(content->find("issuer"), "organisation");
    if (!organisation.empty() && organisation != str(issuer, "name"))
        h += "<dt>Anordnare</dt><dd>" + esc(organisation) + "</dd>\n";
    h += "<dt>Giltigt från</dt><dd>" + esc(valid_from.substr(0, 10)) + "</dd>\n";
    if (source) {
        h += "<dt>Regel</dt><dd>Källa " + esc(str(source, "seed")) +
             (str(source, "pages").empty() ? "" : ", s. " + esc(str(source, "pages"))) + "</dd>\n";
    }
    h += "</dl>\n</section>\n";

    h += "<section class=\"kontroll\">\n<h2>Så kontrollerar du intyget</h2>\n<ol>\n";
    h += "<li>Intyget är elektroniskt signerat: ett W3C Verifiable Credential 2.0 (Open Badges 3.0, "
         "OpenBadgeCredential) med signaturen eddsa-jcs-2022 (Ed25519). Det kan kontrolleras utan kontakt med "
         "utfärdaren.</li>\n";
    h += "<li>Kontrollera den elektroniska versionen, inte utskriften: den finns inbäddad i denna sida (spara "
         "sidan) eller som JSON-fil från personen eller utfärdaren. En utskrift kan inte kontrolleras "
         "kryptografiskt; uppgifterna på papperet ska stämma med den elektroniska versionen.</li>\n";
    h += "<li>Kör kontrollen i yrkesresan (C: <code>yr_credential_verify</code>, Python: "
         "<code>yrkesresan.verify_credential</code>) eller i ett annat verktyg för Open Badges 3.0, mot er lista "
         "över betrodda utfärdare. Svaret <em>ok</em> betyder att innehållet är oförändrat och signerat med "
         "utfärdarens nyckel nedan.</li>\n";
    h += "<li>Stäm av att intygets id och fingeravtryck nedan är desamma som i den elektroniska versionen.</li>\n";
    h += "</ol>\n<dl class=\"teknik\">\n";
    h += "<dt>Intygets id</dt><dd>" + esc(str(&doc, "id")) + "</dd>\n";
    h += "<dt>Utfärdarens nyckel</dt><dd>" + esc(str(proof, "verificationMethod")) + "</dd>\n";
    h += "<dt>Signerat</dt><dd>" + esc(str(proof, "created")) + "</dd>\n";
    h += "<dt>Signatur</dt><dd>" + esc(str(proof, "proofValue")) + "</dd>\n";
    h += "<dt>Fingeravtryck (SHA-256)</dt><dd>" + detail::to_hex(fingerprint.data(), fingerprint.size()) + "</dd>\n";
    h += "</dl>\n</section>\n";
    h += "<footer>Fingeravtrycket är SHA-256 av intyget i kanonisk form (RFC 8785). Personen identifieras med ett "
         "pseudonymt id som utfärdaren kan koppla till namn.</footer>\n";
    h += "</main>\n<script type=\"application/vc+ld+json\" id=\"intyg\">" + script_safe(canonical) + "</script>\n";
    h += "</body>\n</html>\n";
    return h;
}

YRKESRESAN_END_NAMESPACE
