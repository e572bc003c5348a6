package se.yrkesresan;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The downcalls into libyrkesresan_c. Only the *_r forms are used: each
 * returns its error through an out-parameter, so nothing depends on the OS
 * thread a virtual thread happens to run on, and no struct is laid out here.
 * Documents go in as (pointer, size) and results come back with their size.
 */
final class Native {
    private Native() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static volatile SymbolLookup lookup;

    /** Uses the library at `path`; only before the first call. */
    static synchronized void use(Path path) {
        if (lookup != null) throw new IllegalStateException("the library is already loaded");
        lookup = SymbolLookup.libraryLookup(path, Arena.global());
    }

    // The library: the system property yrkesresan.library (a path), else
    // libyrkesresan_c.so in java.library.path, else the dynamic linker's own
    // search for the SONAME.
    private static SymbolLookup lookup() {
        SymbolLookup l = lookup;
        if (l != null) return l;
        synchronized (Native.class) {
            if (lookup != null) return lookup;
            String path = System.getProperty("yrkesresan.library", "");
            if (!path.isBlank()) {
                lookup = SymbolLookup.libraryLookup(Path.of(path), Arena.global());
                return lookup;
            }
            String name = System.mapLibraryName("yrkesresan_c");
            for (String dir : System.getProperty("java.library.path", "").split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                for (String file : new String[] {name, name + ".1"}) {
                    Path candidate = Path.of(dir, file);
                    if (Files.isRegularFile(candidate)) {
                        lookup = SymbolLookup.libraryLookup(candidate, Arena.global());
                        return lookup;
                    }
                }
            }
            lookup = SymbolLookup.libraryLookup("libyrkesresan_c.so.1", Arena.global());
            return lookup;
        }
    }

    private static MethodHandle handle(String name, MemoryLayout result, MemoryLayout... args) {
        MemorySegment symbol = lookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libyrkesresan_c has no " + name));
        FunctionDescriptor d = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        return LINKER.downcallHandle(symbol, d);
    }

    // Handles, made when the class is first used.
    static final class H {
        private H() {}

        static final MethodHandle STRING_FREE = handle("yr_string_free", null, ADDRESS);
        static final MethodHandle VERSION_STRING = handle("yr_version_string", ADDRESS);
        static final MethodHandle PROGRAM_LIST = handle("yr_program_list_r", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle VOCABULARIES = handle("yr_vocabularies_r", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle PROGRAM_LOAD =
                handle("yr_program_load_r", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS);
        static final MethodHandle PROGRAM_LOAD_JSON = handle("yr_program_load_json_r", JAVA_INT, ADDRESS, JAVA_LONG,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS);
        static final MethodHandle PROGRAM_FREE = handle("yr_program_free", null, ADDRESS);
        static final MethodHandle PROGRAM_ID = handle("yr_program_id", ADDRESS, ADDRESS);
        static final MethodHandle PROGRAM_VERSION = handle("yr_program_version", ADDRESS, ADDRESS);
        static final MethodHandle PROGRAM_DEFINITION =
                handle("yr_program_definition_r", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle RULE_BOOK =
                handle("yr_program_rule_book_r", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle EVALUATE = handle("yr_evaluate_r", JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle CERTIFICATE_ISSUE = handle("yr_certificate_issue_r", JAVA_INT, ADDRESS, ADDRESS,
                JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle CREDENTIAL_ISSUE = handle("yr_credential_issue_r", JAVA_INT, ADDRESS, ADDRESS,
                JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle CREDENTIAL_VERIFY = handle("yr_credential_verify_r", JAVA_INT, ADDRESS, JAVA_LONG,
                ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle COORDINATE =
                handle("yr_coordinate_r", JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle KEY_FROM_SEED =
                handle("yr_signing_key_from_seed_r", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS);
        static final MethodHandle KEY_FROM_MULTIBASE =
                handle("yr_signing_key_from_multibase_r", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle KEY_FREE = handle("yr_signing_key_free", null, ADDRESS);
        static final MethodHandle KEY_PUBLIC = handle("yr_signing_key_public_multibase", ADDRESS, ADDRESS);
    }

    /** A downcall that writes its result to (out, outSize) and its error to error. */
    @FunctionalInterface
    interface TextCall {
        int invoke(MemorySegment out, MemorySegment outSize, MemorySegment error) throws Throwable;
    }

    /** A downcall that writes a handle to out and its error to error. */
    @FunctionalInterface
    interface HandleCall {
        int invoke(MemorySegment out, MemorySegment error) throws Throwable;
    }

    /** Runs a call that returns text; throws its error. */
    static String text(Arena arena, TextCall call) {
        return text(arena, call, true);
    }

    /** As text, but its error is not classified (for reading the error classes themselves). */
    static String textUnclassified(Arena arena, TextCall call) {
        return text(arena, call, false);
    }

    private static String text(Arena arena, TextCall call, boolean classify) {
        MemorySegment out = arena.allocate(ADDRESS);
        MemorySegment size = arena.allocate(JAVA_LONG);
        MemorySegment error = arena.allocate(ADDRESS);
        int rc;
        try {
            rc = call.invoke(out, size, error);
        } catch (Throwable t) {
            throw new IllegalStateException("downcall failed", t);
        }
        if (rc != 0) throw error(rc, error, classify);
        return take(out.get(ADDRESS, 0), size.get(JAVA_LONG, 0));
    }

    /** Runs a call that returns a handle; throws its error. */
    static MemorySegment handle(Arena arena, HandleCall call) {
        MemorySegment out = arena.allocate(ADDRESS);
        MemorySegment error = arena.allocate(ADDRESS);
        int rc;
        try {
            rc = call.invoke(out, error);
        } catch (Throwable t) {
            throw new IllegalStateException("downcall failed", t);
        }
        if (rc != 0) throw error(rc, error);
        return out.get(ADDRESS, 0);
    }

    /** Copies a library string of `size` bytes and frees it. */
    static String take(MemorySegment string, long size) {
        try {
            // One copy: the text is NUL-terminated after its size bytes.
            return string.reinterpret(size + 1).getString(0, StandardCharsets.UTF_8);
        } finally {
            free(string);
        }
    }

    static void free(MemorySegment string) {
        try {
            H.STRING_FREE.invokeExact(string);
        } catch (Throwable t) {
            throw new IllegalStateException("yr_string_free failed", t);
        }
    }

    /** A borrowed NUL-terminated string (a getter's result). */
    static String borrowed(MemorySegment string) {
        return string.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** The exception of a failed call, from the error document in errorOut (freed here). */
    static YrkesresanException error(int rc, MemorySegment errorOut) {
        return error(rc, errorOut, true);
    }

    // classify: pick the exception by the kind's class in the library's table
    // (Vocabularies.errorClasses), as the Python face does, so no code list lives here.
    private static YrkesresanException error(int rc, MemorySegment errorOut, boolean classify) {
        MemorySegment doc = errorOut.get(ADDRESS, 0);
        if (doc.equals(MemorySegment.NULL))  // memory ran out while writing it
            return new YrkesresanException(rc, "out_of_memory", "out of memory", "", List.of());
        String text = borrowed(doc);
        free(doc);
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) Json.parse(text);
        List<Problem> problems = new ArrayList<>();
        for (Object o : (List<?>) e.get("problems")) {
            Map<?, ?> p = (Map<?, ?>) o;
            problems.add(new Problem((String) p.get("code"), (String) p.get("path"), (String) p.get("message")));
        }
        String kind = (String) e.get("kind");
        String message = (String) e.get("message");
        String path = (String) e.get("path");
        return classify && "not_met".equals(Vocabularies.classOf(kind))
                ? new RequirementsNotMetException(rc, kind, message, path, problems)
                : new YrkesresanException(rc, kind, message, path, problems);
    }

    /** UTF-8 bytes without a terminating NUL, and their size. */
    record Text(MemorySegment data, long size) {}

    static Text text(Arena arena, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        MemorySegment data = arena.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
        return new Text(data, bytes.length);
    }

    /** A NUL-terminated argument (ids, dates); NUL inside is refused here. */
    static MemorySegment cString(Arena arena, String s) {
        if (s.indexOf('\0') >= 0) {
            String message = "a short text argument (an id, a date, a name) holds a NUL character";
            throw new YrkesresanException(-1, "invalid_argument", message, "",
                    List.of(new Problem("invalid_argument", "", message)));
        }
        return arena.allocateFrom(s);
    }
}
