package fr.repere.host;

/** A host registration an administrator may not make or change; {@link #detail()} is in French, for them. */
public final class HostRefusedException extends RuntimeException {

    public enum Reason {
        /** No registration of the organisation has this id. */
        UNKNOWN_HOST,
        /** The field {@link #field()} is refused, for {@link #detail()}. */
        INVALID
    }

    private final Reason reason;
    private final String field;
    private final String detail;

    public HostRefusedException(Reason reason, String field, String detail) {
        super(reason + (field == null ? "" : " (" + field + ")"));
        this.reason = reason;
        this.field = field;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
