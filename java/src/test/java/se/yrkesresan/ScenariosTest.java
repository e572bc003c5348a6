package se.yrkesresan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared scenarios (tests/scenarios/*.json) through Java, matched as
 * tests/scenarios/README.md says and as the C ABI's runner matches them:
 * expected errors by code and path, evaluations by pattern, and expected
 * certificates issued (twice the same) or, where not due or requirements are
 * named missing, refused with YR_ENOTMET.
 */
class ScenariosTest {

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Fixtures.source().resolve("tests/scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "too few scenario files");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    @SuppressWarnings("unchecked")
    private static void run(Path file) throws IOException {
        Map<String, Object> sc = (Map<String, Object>) Json.parse(Files.readString(file));
        List<Object> overlayFiles = (List<Object>) sc.getOrDefault("overlays", List.of());
        String[] overlays = overlayFiles.stream().map(o -> Fixtures.read((String) o)).toArray(String[]::new);
        String person = Fixtures.write(sc.get("person"));
        LocalDate asOf = LocalDate.parse((String) sc.get("as_of"));
        // A built-in program by id, or a program definition file from the repository root.
        try (Program program = sc.containsKey("program_file")
                ? Program.fromJson(Fixtures.read((String) sc.get("program_file")), overlays)
                : Program.builtin((String) sc.get("program"), overlays)) {
            if (sc.containsKey("error")) {
                Map<String, Object> want = (Map<String, Object>) sc.get("error");
                YrkesresanException e = assertThrows(YrkesresanException.class, () -> program.evaluateJson(person, asOf));
                assertEquals(want.get("code"), e.kind());
                assertEquals(want.get("path"), e.path());
                return;
            }
            Map<String, Object> expect = (Map<String, Object>) sc.get("expect");
            String why = mismatch(expect, Json.parse(program.evaluateJson(person, asOf)), "");
            if (!why.isEmpty()) fail(why);
            for (Object o : (List<Object>) expect.getOrDefault("certificates", List.of())) {
                Map<String, Object> c = (Map<String, Object>) o;
                String component = (String) c.get("component");
                String status = (String) c.get("status");
                // Requirements named missing (an issuance recorded early) are refused as not_due is.
                boolean unmet = "not_due".equals(status)
                        || (c.get("missing") instanceof List<?> missing && !missing.isEmpty());
                if (unmet) {
                    RequirementsNotMetException e = assertThrows(RequirementsNotMetException.class,
                            () -> program.issueCertificate(person, asOf, component));
                    assertEquals(-11, e.code());
                } else if ("due".equals(status) || "issued".equals(status)) {
                    String first = program.issueCertificate(person, asOf, component);
                    assertEquals(first, program.issueCertificate(person, asOf, component), "issued twice the same");
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) Json.parse(first)).get("content");
                    assertEquals(component, ((Map<String, Object>) content.get("component")).get("id"));
                    if (c.containsKey("completed_on")) assertEquals(c.get("completed_on"), content.get("completed_on"));
                }
            }
        }
    }

    // The pattern match of tests/scenarios/README.md: objects by their keys,
    // arrays element by element (by id when the pattern has one), values equal.
    static String mismatch(Object expected, Object actual, String path) {
        // {"exactly": [...]}: as many elements, each matching in order; {"none": [...]}: no element matches any.
        if (expected instanceof Map<?, ?> form && form.size() == 1 && actual instanceof List<?> have
                && (form.containsKey("exactly") || form.containsKey("none"))) {
            if (form.get("exactly") instanceof List<?> want) {
                if (want.size() != have.size())
                    return path + ": expected exactly " + want.size() + " elements, got " + have.size();
                for (int i = 0; i < have.size(); i++) {
                    String m = mismatch(want.get(i), have.get(i), path + "/" + i);
                    if (!m.isEmpty()) return m;
                }
                return "";
            }
            if (form.containsKey("exactly")) return path + ": \"exactly\" takes an array";
            for (Object unwanted : (List<?>) form.get("none"))
                for (int i = 0; i < have.size(); i++)
                    if (mismatch(unwanted, have.get(i), "").isEmpty())
                        return path + "/" + i + ": matches " + Fixtures.write(unwanted) + ", which none may";
            return "";
        }
        if (expected instanceof Map<?, ?> want) {
            if (!(actual instanceof Map<?, ?> have)) return path + ": expected an object";
            for (Map.Entry<?, ?> e : want.entrySet()) {
                if (!have.containsKey(e.getKey())) return path + "/" + e.getKey() + ": missing";
                String m = mismatch(e.getValue(), have.get(e.getKey()), path + "/" + e.getKey());
                if (!m.isEmpty()) return m;
            }
            return "";
        }
        if (expected instanceof List<?> want) {
            if (!(actual instanceof List<?> have)) return path + ": expected an array";
            if (want.isEmpty() && !have.isEmpty()) return path + ": expected an empty array, got " + have.size();
            for (int i = 0; i < want.size(); i++) {
                Object w = want.get(i);
                boolean byId = w instanceof Map<?, ?> m && m.containsKey("id");
                String why = path + "/" + i + ": no element matches";
                boolean matched = false;
                for (Object h : have) {
                    if (byId && !(h instanceof Map<?, ?> hm && ((Map<?, ?>) w).get("id").equals(hm.get("id")))) continue;
                    String m = mismatch(w, h, path + "/" + i);
                    if (m.isEmpty()) {
                        matched = true;
                        break;
                    }
                    if (byId) why = m;
                }
                if (!matched) return why;
            }
            return "";
        }
        if (expected instanceof BigDecimal a && actual instanceof BigDecimal b) {
            return a.compareTo(b) == 0 ? "" : path + ": expected " + a + ", got " + b;
        }
        boolean equal = expected == null ? actual == null : expected.equals(actual);
        return equal ? "" : path + ": expected " + Fixtures.write(expected) + ", got " + Fixtures.write(actual);
    }
}
