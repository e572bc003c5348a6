package se.yrkesresan;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.LocalDate;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A loaded, validated program with its overlays applied: immutable, and
 * usable by any number of threads (platform or virtual) at once. Close it
 * when done; a call after close, or one still running while it closes, is
 * never a use of freed memory: close waits for running calls, and later calls
 * throw IllegalStateException.
 *
 * <pre>{@code
 * try (Program gr = Program.builtin("gr-barn-unga")) {
 *     Evaluation ev = gr.evaluate(personJson, LocalDate.of(2026, 2, 1));
 * }
 * }</pre>
 */
public final class Program implements AutoCloseable {
    private final MemorySegment handle;
    private final String id;
    private final String version;
    // Calls hold the read lock, close the write lock: a handle is never freed under a call.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private Program(MemorySegment handle) {
        this.handle = handle;
        try {
            // Borrowed from the handle, which cannot be NULL here: they never fail.
            this.id = Native.borrowed((MemorySegment) Native.H.PROGRAM_ID.invokeExact(handle));
            this.version = Native.borrowed((MemorySegment) Native.H.PROGRAM_VERSION.invokeExact(handle));
        } catch (Throwable t) {
            throw new IllegalStateException("reading the program's id failed", t);
        }
    }

    /** The ids of the programs built into the library, as JSON: [{"id", "version", "title", "valid_from"}]. */
    public static String listJson() {
        try (Arena arena = Arena.ofConfined()) {
            return Native.text(arena, (out, size, err) -> (int) Native.H.PROGRAM_LIST.invokeExact(out, size, err));
        }
    }

    /** A built-in program ("gr-barn-unga", "uppsala-bistand-lss") with overlays (JSON) applied in order. */
    public static Program builtin(String id, String... overlays) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = Native.cString(arena, id);
            MemorySegment[] o = overlayArrays(arena, overlays);
            long count = overlays.length;
            return new Program(Native.handle(arena, (out, err) ->
                    (int) Native.H.PROGRAM_LOAD.invokeExact(name, o[0], o[1], count, out, err)));
        }
    }

    /** A program from its JSON definition (data/schema/program.schema.json), with overlays applied in order. */
    public static Program fromJson(String definition, String... overlays) {
        try (Arena arena = Arena.ofConfined()) {
            Native.Text d = Native.text(arena, definition);
            MemorySegment[] o = overlayArrays(arena, overlays);
            long count = overlays.length;
            return new Program(Native.handle(arena, (out, err) ->
                    (int) Native.H.PROGRAM_LOAD_JSON.invokeExact(d.data(), d.size(), o[0], o[1], count, out, err)));
        }
    }

    // {pointers, sizes} of the overlays' texts.
    private static MemorySegment[] overlayArrays(Arena arena, String[] overlays) {
        if (overlays.length == 0) return new MemorySegment[] {MemorySegment.NULL, MemorySegment.NULL};
        MemorySegment pointers = arena.allocate(ValueLayout.ADDRESS, overlays.length);
        MemorySegment sizes = arena.allocate(ValueLayout.JAVA_LONG, overlays.length);
        for (int i = 0; i < overlays.length; i++) {
            Native.Text t = Native.text(arena, overlays[i]);
            pointers.setAtIndex(ValueLayout.ADDRESS, i, t.data());
            sizes.setAtIndex(ValueLayout.JAVA_LONG, i, t.size());
        }
        return new MemorySegment[] {pointers, sizes};
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    /** The effective definition after overlays, as JSON; {@link #fromJson} of it gives an equal program. */
    public String definitionJson() {
        return call(arena -> Native.text(arena, (out, size, err) ->
                (int) Native.H.PROGRAM_DEFINITION.invokeExact(handle, out, size, err)));
    }

    /** The rule book in Swedish, as Markdown ({@code html} false) or one HTML page. */
    public String ruleBook(boolean html) {
        int format = html ? 1 : 0;
        return call(arena -> Native.text(arena, (out, size, err) ->
                (int) Native.H.RULE_BOOK.invokeExact(handle, format, out, size, err)));
    }

    /** The evaluation document (docs/contract.md) of a person record on a date, as JSON text. */
    public String evaluateJson(String person, LocalDate asOf, Language language) {
        return call(arena -> {
            Native.Text p = Native.text(arena, person);
            MemorySegment date = Native.cString(arena, asOf.toString());
            Native.Text options = Native.text(arena, "{\"language\":\"" + language.code + "\"}");
            return Native.text(arena, (out, size, err) -> (int) Native.H.EVALUATE.invokeExact(handle, p.data(),
                    p.size(), date, options.data(), options.size(), out, size, err));
        });
    }

    public String evaluateJson(String person, LocalDate asOf) {
        return evaluateJson(person, asOf, Language.SV);
    }

    /** The evaluation as a small typed view over its JSON. */
    public Evaluation evaluate(String person, LocalDate asOf, Language language) {
        return new Evaluation(evaluateJson(person, asOf, language));
    }

    public Evaluation evaluate(String person, LocalDate asOf) {
        return evaluate(person, asOf, Language.SV);
    }

    /**
     * The certificate (intyg) document of a component, when its requirements
     * are met on asOf; otherwise {@link RequirementsNotMetException} lists
     * each missing requirement. Issuing is idempotent.
     */
    public String issueCertificate(String person, LocalDate asOf, String component) {
        return call(arena -> {
            Native.Text p = Native.text(arena, person);
            MemorySegment date = Native.cString(arena, asOf.toString());
            MemorySegment c = Native.cString(arena, component);
            return Native.text(arena, (out, size, err) -> (int) Native.H.CERTIFICATE_ISSUE.invokeExact(handle,
                    p.data(), p.size(), date, c, MemorySegment.NULL, 0L, out, size, err));
        });
    }

    /**
     * The certificate as a signed Open Badges 3.0 credential (canonical JSON).
     * optionsJson: null, or the members of yr_credential_options as JSON
     * ({"valid_from": "2026-11-02T09:00:00Z", "issuer_url": ...}).
     */
    public String issueCredential(String person, LocalDate asOf, String component, String issuerId,
            String issuerName, SigningKey key, String optionsJson) {
        return call(arena -> key.use(k -> {
            Native.Text p = Native.text(arena, person);
            MemorySegment date = Native.cString(arena, asOf.toString());
            MemorySegment c = Native.cString(arena, component);
            MemorySegment id = Native.cString(arena, issuerId);
            MemorySegment name = Native.cString(arena, issuerName);
            Native.Text o = optionsJson == null ? new Native.Text(MemorySegment.NULL, 0) : Native.text(arena, optionsJson);
            return Native.text(arena, (out, size, err) -> (int) Native.H.CREDENTIAL_ISSUE.invokeExact(handle,
                    p.data(), p.size(), date, c, id, name, k, o.data(), o.size(), out, size, err));
        }));
    }

    /** A coordinator's term plan over a population (data/schema/coordination-request.schema.json), as JSON. */
    public String coordinateJson(String request) {
        return call(arena -> {
            Native.Text r = Native.text(arena, request);
            return Native.text(arena, (out, size, err) ->
                    (int) Native.H.COORDINATE.invokeExact(handle, r.data(), r.size(), out, size, err));
        });
    }

    @FunctionalInterface
    private interface Body<T> {
        T run(Arena arena);
    }

    private <T> T call(Body<T> body) {
        lock.readLock().lock();
        try (Arena arena = Arena.ofConfined()) {
            if (closed) throw new IllegalStateException("the program is closed");
            return body.run(arena);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the program, after any call still running on it; idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            Native.H.PROGRAM_FREE.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("yr_program_free failed", t);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // The raw handle, for the tests that call the C ABI directly; the caller keeps the program open.
    MemorySegment handleForTests() {
        return handle;
    }

    @Override
    public String toString() {
        return "Program[" + id + " " + version + "]";
    }
}
