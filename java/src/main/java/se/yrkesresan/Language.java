package se.yrkesresan;

/** The language of an evaluation's messages: Swedish (the default) or English. */
public enum Language {
    SV("sv"),
    EN("en");

    final String code;

    Language(String code) {
        this.code = code;
    }
}
