package se.yrkesresan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small typed view of an evaluation document (docs/contract.md); the whole
 * document is {@link #json()}.
 */
public final class Evaluation {
    private final String json;
    private final Map<String, Object> doc;

    @SuppressWarnings("unchecked")
    Evaluation(String json) {
        this.json = json;
        this.doc = (Map<String, Object>) Json.parse(json);
    }

    /** The document as the library wrote it. */
    public String json() {
        return json;
    }

    /** The document parsed: maps, lists, strings, BigDecimal numbers. */
    public Map<String, Object> document() {
        return doc;
    }

    public String person() {
        return (String) doc.get("person");
    }

    public LocalDate asOf() {
        return LocalDate.parse((String) doc.get("as_of"));
    }

    public int experienceMonths() {
        return ((Number) doc.get("experience_months")).intValue();
    }

    /** The phase's id ("introduktion"). */
    public String phase() {
        return (String) ((Map<?, ?>) doc.get("phase")).get("id");
    }

    /** Each component with a certificate and its status ("due", "issued", "not_due"). */
    public Map<String, String> certificates() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : (List<?>) doc.get("certificates")) {
            Map<?, ?> c = (Map<?, ?>) o;
            out.put((String) c.get("component"), (String) c.get("status"));
        }
        return out;
    }

    public Optional<String> certificateStatus(String component) {
        return Optional.ofNullable(certificates().get(component));
    }

    /** How many actions the evaluation asks of someone. */
    public int actionCount() {
        return ((List<?>) doc.get("actions")).size();
    }
}
