package fr.repere.identity;

/**
 * A change an administrator may not make: a team or an agent or a key not of the organisation, an
 * e-mail address already used, or an administrator removing their own rights.
 */
public final class AdministrationRefusedException extends RuntimeException {

    public enum Reason {
        /** A team named by the change is not one of the organisation's ({@link #field()}, {@link #index()}). */
        UNKNOWN_TEAM,
        /** Another account already has the e-mail address. */
        EMAIL_TAKEN,
        /** No agent of the organisation has this id. */
        UNKNOWN_AGENT,
        /** An administrator deactivating themselves, or giving up the role. */
        SELF_DEMOTION,
        /** No host-system key of the organisation has this id. */
        UNKNOWN_HOST_KEY
    }

    private final Reason reason;
    private final String field;
    private final int index;

    public AdministrationRefusedException(Reason reason, String field, int index) {
        super(reason + (field == null ? "" : " (" + field + (index < 0 ? "" : "[" + index + "]") + ")"));
        this.reason = reason;
        this.field = field;
        this.index = index;
    }

    public AdministrationRefusedException(Reason reason) {
        this(reason, null, -1);
    }

    public Reason reason() {
        return reason;
    }

    /** The field of the change at fault, if one is ({@code team}, {@code teams}, {@code active}); else null. */
    public String field() {
        return field;
    }

    /** The position at fault in a list field; -1 otherwise. */
    public int index() {
        return index;
    }
}
