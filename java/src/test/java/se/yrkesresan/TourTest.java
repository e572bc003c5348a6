package se.yrkesresan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The README's Java tour, statement for statement, with its asserts checked. */
class TourTest {
    @Test
    void theReadmeTour() {
        String person = """
            {"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"}""";
        try (Program gr = Program.builtin("gr-barn-unga")) {
            Evaluation ev = gr.evaluate(person, LocalDate.of(2026, 2, 1), Language.EN);
            assertEquals("introduktion", ev.phase());
            String json = ev.json();
            assertTrue(json.startsWith("{"));
            try {
                gr.issueCertificate(person, LocalDate.of(2026, 2, 1), "introduktionsprogram");
                fail("issued too early");
            } catch (RequirementsNotMetException e) {
                Problem first = e.problems().get(0);
                assertTrue(first.code().equals("module_not_attended") && first.path().equals("/modules/m1"));
            }
        }
    }
}
