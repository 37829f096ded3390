package fr.repere.identity;

/**
 * A change of a register an administrator manages (a webhook, a host system…) that is refused:
 * the record is not the organisation's, or a field is refused. {@link #detail()} is in French, for
 * the administrator. Team and account changes have their own {@link AdministrationRefusedException}.
 */
public final class ChangeRefusedException extends RuntimeException {

    public enum Reason {
        /** No record of the organisation has this id. */
        UNKNOWN,
        /** The field {@link #field()} is refused, for {@link #detail()}. */
        INVALID
    }

    private final Reason reason;
    private final String field;
    private final String detail;

    public ChangeRefusedException(Reason reason, String field, String detail) {
        super(reason + (field == null ? "" : " (" + field + ")"));
        this.reason = reason;
        this.field = field;
        this.detail = detail;
    }

    public static ChangeRefusedException unknown(String detail) {
        return new ChangeRefusedException(Reason.UNKNOWN, null, detail);
    }

    public static ChangeRefusedException invalid(String field, String detail) {
        return new ChangeRefusedException(Reason.INVALID, field, detail);
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
