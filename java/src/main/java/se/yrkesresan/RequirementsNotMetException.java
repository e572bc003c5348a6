package se.yrkesresan;

import java.util.List;

/**
 * A certificate asked for before its requirements are met (YR_ENOTMET). Each
 * of {@link #problems()} is one missing requirement with its own code
 * ("module_not_attended", "homework_not_submitted", "sessions_missing",
 * "attendance_period_over") and the path of what is missing ("/modules/m7").
 */
public final class RequirementsNotMetException extends YrkesresanException {
    private static final long serialVersionUID = 1L;

    RequirementsNotMetException(int code, String kind, String message, String path, List<Problem> problems) {
        super(code, kind, message, path, problems);
    }
}
