package se.yrkesresan;

import java.util.List;

/**
 * A call the library refused. {@link #code()} is the C ABI's yr_error_code
 * (negative), {@link #kind()} the stable snake_case kind ("unknown_field"),
 * {@link #path()} a JSON Pointer into the offending document, and
 * {@link #problems()} every problem found. Messages never repeat an input
 * value.
 */
public class YrkesresanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String kind;
    private final String path;
    private final transient List<Problem> problems;

    YrkesresanException(int code, String kind, String message, String path, List<Problem> problems) {
        super(message);
        this.code = code;
        this.kind = kind;
        this.path = path;
        this.problems = List.copyOf(problems);
    }

    /** The yr_error_code: -1 invalid argument, -5 parse error, -7 format, -11 requirements not met... */
    public int code() {
        return code;
    }

    /** The stable snake_case kind, the same string the C++ and Python faces report. */
    public String kind() {
        return kind;
    }

    /** JSON Pointer (RFC 6901) into the offending document; "" for the document itself. */
    public String path() {
        return path;
    }

    /** Every problem found; for a certificate asked for too early, each missing requirement. */
    public List<Problem> problems() {
        return problems;
    }
}
