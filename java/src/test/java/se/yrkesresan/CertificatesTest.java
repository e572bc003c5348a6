package se.yrkesresan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A certificate issued, signed, and verified offline against the issuers the host trusts. */
class CertificatesTest {
    static final String ISSUER = "https://www.kungalv.se/socialtjansten";

    @Test
    @SuppressWarnings("unchecked")
    void issueSignAndVerify() {
        Map<String, Object> sc = (Map<String, Object>) Json.parse(Fixtures.read("tests/scenarios/r4-course-certificate-due.json"));
        String person = Fixtures.write(sc.get("person"));
        LocalDate asOf = LocalDate.parse((String) sc.get("as_of"));
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) seed[i] = (byte) (i + 7);
        try (Program gr = Program.builtin("gr-barn-unga"); SigningKey key = SigningKey.fromSeed(seed)) {
            String certificate = gr.issueCertificate(person, asOf, "introduktionsprogram");
            assertTrue(certificate.contains("\"type\":\"yrkesresan-intyg\""));
            String vc = gr.issueCredential(person, asOf, "introduktionsprogram", ISSUER, "Kungälvs kommun", key, null);
            assertEquals(vc, gr.issueCredential(person, asOf, "introduktionsprogram", ISSUER, "Kungälvs kommun", key, null));
            String trusted = "{\"issuers\": [{\"id\": \"" + ISSUER + "\", \"name\": \"Kungälv\", \"keys\": "
                    + "[{\"publicKeyMultibase\": \"" + key.publicMultibase() + "\"}]}]}";
            Instant later = Instant.parse("2027-01-10T10:00:00Z");
            Map<String, Object> ok = (Map<String, Object>) Json.parse(Credentials.verifyJson(vc, trusted, later));
            assertEquals("ok", ok.get("status"));
            assertEquals(ISSUER, ok.get("issuer_id"));
            Map<String, Object> unknown = (Map<String, Object>) Json.parse(
                    Credentials.verifyJson(vc, "{\"issuers\": []}", later));
            assertEquals("unknown_issuer", unknown.get("status"));
            String tampered = vc.replace("Kungälvs kommun", "Kungälvs komun");
            Map<String, Object> bad = (Map<String, Object>) Json.parse(Credentials.verifyJson(tampered, trusted, later));
            assertEquals("bad_signature", bad.get("status"));
            YrkesresanException e = org.junit.jupiter.api.Assertions.assertThrows(YrkesresanException.class,
                    () -> gr.issueCredential(person, asOf, "introduktionsprogram", ISSUER, "K", key, "{\"valid_from\": 1}"));
            assertEquals("wrong_type", e.kind());
            assertEquals("/valid_from", e.path());
        }
    }
}
