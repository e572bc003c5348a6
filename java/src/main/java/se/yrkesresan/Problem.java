package se.yrkesresan;

/**
 * One problem of a rejected call: a stable snake_case code, the JSON Pointer
 * of what it is about ("" = the whole document) and an English message that
 * never repeats an input value.
 */
public record Problem(String code, String path, String message) {}
