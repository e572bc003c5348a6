package se.yrkesresan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The repository's shared test data, and JSON written back as text. */
final class Fixtures {
    private Fixtures() {}

    static Path source() {
        return Path.of(System.getProperty("yrkesresan.source", ".."));
    }

    static String read(String relative) {
        try {
            return Files.readString(source().resolve(relative));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + relative, e);
        }
    }

    /** A parsed value as JSON text again. */
    static String write(Object v) {
        StringBuilder b = new StringBuilder();
        write(v, b);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
        if (v == null) b.append("null");
        else if (v instanceof String s) quote(s, b);
        else if (v instanceof BigDecimal || v instanceof Boolean) b.append(v);
        else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(',');
                first = false;
                quote((String) e.getKey(), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(',');
                write(l.get(i), b);
            }
            b.append(']');
        } else throw new IllegalArgumentException("not JSON: " + v.getClass());
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
    }

    static final String NEWCOMER =
            "{\"id\": \"p-1\", \"municipality\": \"kungalv\", \"employment_start\": \"2026-01-12\"}";
}
