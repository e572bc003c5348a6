package se.yrkesresan;

import java.lang.foreign.Arena;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed vocabularies of the JSON documents, as the library's C++ tables
 * spell them (yr_vocabularies), so that Java code keeps no copy of a list.
 * The lists keep the library's order; members are only ever added.
 *
 * <pre>{@code
 * Vocabularies v = Vocabularies.get();
 * v.roles();                          // ["EC", "1:e", "FA", "AD", "SJ", "EJ"]
 * v.errorClass("unknown_field");      // "format"
 * }</pre>
 *
 * @param roles        the responsibility codes of the introduction plan's items ("EC", "1:e", ..., "SJ", "EJ")
 * @param namedRoles   the roles a person record names a holder for in its "people"
 *                     ("EC", "1:e", "FA", "AD", "introduktor", "mentor")
 * @param eventTypes   the types of a person record's events ("item_done", "module_attended", ...)
 * @param leaveKinds   the kinds of a person record's leave ("parental", "sick", ...)
 * @param errorClasses each error code's class (parse, limit, format, reference,
 *                     rules, conflict, not_found, not_met), in the library's order;
 *                     a call's yr_error_code follows it
 */
public record Vocabularies(List<String> roles, List<String> namedRoles, List<String> eventTypes,
        List<String> leaveKinds, Map<String, String> errorClasses) {

    public Vocabularies {
        roles = List.copyOf(roles);
        namedRoles = List.copyOf(namedRoles);
        eventTypes = List.copyOf(eventTypes);
        leaveKinds = List.copyOf(leaveKinds);
        errorClasses = Collections.unmodifiableMap(new LinkedHashMap<>(errorClasses));
    }

    // Read once: the library's tables do not change while it is loaded. Threads
    // racing on the first call each read an equal value.
    private static volatile Vocabularies loaded;

    /** The vocabularies of the loaded library (read on first use). */
    public static Vocabularies get() {
        Vocabularies v = loaded;
        if (v == null) loaded = v = parse(read());
        return v;
    }

    /** The class of an error code ("unknown_field" gives "format"); null for a code this library does not know. */
    public String errorClass(String code) {
        return errorClasses.get(code);
    }

    // The document. Its error (only ever out of memory) is not classified: the
    // error path asks for the vocabularies and must not ask again.
    private static String read() {
        try (Arena arena = Arena.ofConfined()) {
            return Native.textUnclassified(arena,
                    (out, size, err) -> (int) Native.H.VOCABULARIES.invokeExact(out, size, err));
        }
    }

    /**
     * The class of an error code for the error path: never throws and never
     * recurses; null when the code is unknown or the vocabularies cannot be read
     * (memory ran out), and the caller then keeps the base exception.
     */
    static String classOf(String code) {
        Vocabularies v = loaded;
        if (v == null) {
            try {
                loaded = v = parse(read());
            } catch (RuntimeException e) {
                return null;
            }
        }
        return v.errorClass(code);
    }

    @SuppressWarnings("unchecked")
    private static Vocabularies parse(String json) {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(json);
        Map<String, String> classes = new LinkedHashMap<>();
        ((Map<String, Object>) doc.get("error_classes")).forEach((code, cls) -> classes.put(code, (String) cls));
        return new Vocabularies(strings(doc, "roles"), strings(doc, "named_roles"), strings(doc, "event_types"),
                strings(doc, "leave_kinds"), classes);
    }

    private static List<String> strings(Map<String, Object> doc, String key) {
        return ((List<?>) doc.get(key)).stream().map(String.class::cast).toList();
    }
}
