package se.yrkesresan;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * The library itself. It is found, on first use, at the path of the system
 * property {@code yrkesresan.library}, else as libyrkesresan_c.so in
 * {@code java.library.path}, else by the dynamic linker's own search
 * (libyrkesresan_c.so.1); {@link #useLibrary} names it explicitly. Calls need
 * {@code --enable-native-access=ALL-UNNAMED} (or the module's name).
 */
public final class Yrkesresan {
    private Yrkesresan() {}

    /** Uses the shared library at path; call before any other use. */
    public static void useLibrary(Path path) {
        Native.use(path);
    }

    /** The runtime library's version, "MAJOR.MINOR.PATCH". */
    public static String libraryVersion() {
        try {
            return Native.borrowed((MemorySegment) Native.H.VERSION_STRING.invokeExact());
        } catch (Throwable t) {
            throw new IllegalStateException("yr_version_string failed", t);
        }
    }
}
