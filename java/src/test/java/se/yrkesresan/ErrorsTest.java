package se.yrkesresan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Errors come back as exceptions with the C ABI's code, kind and JSON Pointer. */
class ErrorsTest {
    static Program gr;
    static final LocalDate FEB = LocalDate.of(2026, 2, 1);

    @BeforeAll
    static void load() {
        gr = Program.builtin("gr-barn-unga");
    }

    @AfterAll
    static void free() {
        gr.close();
    }

    @Test
    void aProgramLoadsAndEvaluates() {
        assertEquals("gr-barn-unga", gr.id());
        assertFalse(gr.version().isEmpty());
        Evaluation ev = gr.evaluate(Fixtures.NEWCOMER, FEB, Language.EN);
        assertEquals("p-1", ev.person());
        assertEquals(FEB, ev.asOf());
        assertEquals("introduktion", ev.phase());
        assertEquals("not_due", ev.certificateStatus("introduktionsprogram").orElseThrow());
        assertTrue(ev.json().contains("\"language\":\"en\""));
        assertTrue(Program.listJson().contains("\"id\":\"uppsala-bistand-lss\""));
        assertTrue(gr.ruleBook(false).startsWith("#"));
        try (Program again = Program.fromJson(gr.definitionJson())) {
            assertEquals(gr.evaluateJson(Fixtures.NEWCOMER, FEB), again.evaluateJson(Fixtures.NEWCOMER, FEB));
        }
    }

    @Test
    void badInputHasKindAndPath() {
        YrkesresanException e = assertThrows(YrkesresanException.class, () -> gr.evaluateJson("{", FEB));
        assertEquals(-5, e.code());
        assertEquals("parse_error", e.kind());
        e = assertThrows(YrkesresanException.class, () -> gr.evaluateJson(
                "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\", \"employmnet\": 1}",
                FEB));
        assertEquals(-7, e.code());
        assertEquals("unknown_field", e.kind());
        assertEquals("/employmnet", e.path());
        assertEquals(e.kind(), e.problems().get(0).code());
        e = assertThrows(YrkesresanException.class, () -> Program.builtin("no-such-program"));
        assertEquals(-4, e.code());
        e = assertThrows(YrkesresanException.class, () -> Program.builtin("gr-barn-unga", "{\"format\": 1"));
        assertEquals("parse_error", e.kind());
        assertTrue(e.getMessage().contains("overlays[0]"));
    }

    @Test
    void aNulInsideADocumentIsRefused() {
        // The NUL-terminated C functions would read only up to the NUL and accept the record.
        YrkesresanException e = assertThrows(YrkesresanException.class,
                () -> gr.evaluateJson(Fixtures.NEWCOMER + "\0garbage", FEB));
        assertEquals("parse_error", e.kind());
        e = assertThrows(YrkesresanException.class,
                () -> gr.issueCertificate(Fixtures.NEWCOMER, FEB, "introduktionsprogram\0x"));
        assertEquals("invalid_argument", e.kind());
    }

    @Test
    void missingRequirementsAreData() {
        RequirementsNotMetException e = assertThrows(RequirementsNotMetException.class,
                () -> gr.issueCertificate(Fixtures.NEWCOMER, FEB, "introduktionsprogram"));
        assertEquals(-11, e.code());
        assertEquals("requirements_not_met", e.kind());
        assertEquals("", e.path());
        List<Problem> missing = e.problems();
        assertEquals(new Problem("module_not_attended", "/modules/m1", missing.get(0).message()), missing.get(0));
        assertEquals("homework_not_submitted", missing.get(1).code());
        assertTrue(missing.stream().allMatch(p -> p.path().startsWith("/modules/m")));
        YrkesresanException other = assertThrows(YrkesresanException.class,
                () -> gr.issueCertificate(Fixtures.NEWCOMER, FEB, "no-such-component"));
        assertEquals("unknown_reference", other.kind());
    }

    @Test
    void aClosedProgramRefusesCalls() {
        Program p = Program.builtin("uppsala-bistand-lss");
        p.close();
        p.close();
        assertThrows(IllegalStateException.class, () -> p.evaluateJson(Fixtures.NEWCOMER, FEB));
    }
}
