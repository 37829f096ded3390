package fr.repere.web.api.problem;

/** JSON Pointer (RFC 6901) escaping of one reference token. */
public final class Pointers {

    private Pointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
