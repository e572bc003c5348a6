package se.yrkesresan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The vocabularies come from the library's C++ tables through yr_vocabularies_r. */
class VocabulariesTest {
    static final LocalDate FEB = LocalDate.of(2026, 2, 1);

    @Test
    void theListsAreTheLibrarysInItsOrder() {
        Vocabularies v = Vocabularies.get();
        assertEquals(List.of("EC", "1:e", "FA", "AD", "SJ", "EJ"), v.roles());
        assertEquals(List.of("EC", "1:e", "FA", "AD", "introduktor", "mentor"), v.namedRoles());
        assertEquals(List.of("item_done", "module_attended", "homework_submitted", "session_attended",
                "certificate_issued"), v.eventTypes());
        assertEquals(List.of("parental", "sick", "study", "other"), v.leaveKinds());
        assertEquals("parse_error", v.errorClasses().keySet().iterator().next());
        assertEquals("format", v.errorClass("duplicate_id"));
        assertEquals("conflict", v.errorClass("future_event"));
        assertNull(v.errorClass("no_such_code"));
        assertSame(v, Vocabularies.get());
        assertThrows(UnsupportedOperationException.class, () -> v.roles().add("XX"));
        assertThrows(UnsupportedOperationException.class, () -> v.errorClasses().put("x", "parse"));
    }

    @Test
    void aFailingCallsCodeFollowsItsKindsClass() {
        // Each class's yr_error_code (capi/include/yrkesresan/yrkesresan.h).
        Map<String, Integer> codeOfClass = Map.of("parse", -5, "format", -7, "reference", -8, "not_found", -4,
                "not_met", -11);
        try (Program gr = Program.builtin("gr-barn-unga")) {
            List<Executable> calls = List.of(
                    () -> gr.evaluateJson("{", FEB),
                    () -> gr.evaluateJson(Fixtures.NEWCOMER.replace("}", ", \"employmnet\": 1}"), FEB),
                    () -> gr.issueCertificate(Fixtures.NEWCOMER, FEB, "no-such-component"),
                    () -> Program.builtin("no-such-program"),
                    () -> gr.issueCertificate(Fixtures.NEWCOMER, FEB, "introduktionsprogram"));
            List<String> classes = calls.stream().map(call -> {
                YrkesresanException e = assertThrows(YrkesresanException.class, call);
                String cls = Vocabularies.get().errorClass(e.kind());
                assertEquals(codeOfClass.get(cls), e.code(), e.kind());
                return cls;
            }).toList();
            assertEquals(List.of("parse", "format", "reference", "not_found", "not_met"), classes);
            // The not_met class is the one exception subclass.
            assertInstanceOf(RequirementsNotMetException.class,
                    assertThrows(YrkesresanException.class, calls.get(4)));
        }
    }
}
