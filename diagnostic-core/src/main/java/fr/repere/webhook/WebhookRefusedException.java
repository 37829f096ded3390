package fr.repere.webhook;

/** A webhook change an administrator may not make; {@link #detail()} is in French, for them. */
public final class WebhookRefusedException extends RuntimeException {

    public enum Reason {
        /** No endpoint of the organisation has this id. */
        UNKNOWN_WEBHOOK,
        /** The field {@link #field()} is refused, for {@link #detail()}. */
        INVALID
    }

    private final Reason reason;
    private final String field;
    private final String detail;

    public WebhookRefusedException(Reason reason, String field, String detail) {
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
