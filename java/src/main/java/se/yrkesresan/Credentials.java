package se.yrkesresan;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Verifying signed certificates offline, against the issuers the host trusts. */
public final class Credentials {
    private Credentials() {}

    /**
     * Judges a credential at the time now: {"status": "ok" | "malformed" |
     * "unknown_issuer" | "bad_signature" | ..., "content": {...} | null}.
     * trustedIssuers: {"issuers": [{"id", "name", "keys": [{"publicKeyMultibase"}]}]}.
     */
    public static String verifyJson(String credential, String trustedIssuers, Instant now) {
        try (Arena arena = Arena.ofConfined()) {
            Native.Text c = Native.text(arena, credential);
            Native.Text t = Native.text(arena, trustedIssuers);
            MemorySegment time = Native.cString(arena, now.truncatedTo(ChronoUnit.SECONDS).toString());
            return Native.text(arena, (out, size, err) -> (int) Native.H.CREDENTIAL_VERIFY.invokeExact(c.data(),
                    c.size(), t.data(), t.size(), time, out, size, err));
        }
    }
}
