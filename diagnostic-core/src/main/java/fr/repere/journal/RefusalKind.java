package fr.repere.journal;

/** What was refused, in the refusal counts (and in the detail of the journal's LOGIN_REFUSED entries). */
public enum RefusalKind {
    /** A login refused: wrong or unknown e-mail or password, deactivated account, ProConnect refusal. */
    LOGIN_REFUSED,
    /** A built-in login refused without checking anything, because its account or address must wait. */
    LOGIN_THROTTLED,
    /** A host system's key refused: unknown, revoked or wrong. */
    HOST_KEY_REFUSED,
    /** A signed launch from a host system refused: unknown host or key, bad signature, expired, replayed… */
    LAUNCH_REFUSED
}
