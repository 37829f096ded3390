package fr.repere.hostevent;

/** The kinds of events a host receives, with their CloudEvents {@code type}; a new version is a new type. */
public enum HostEventType {
    DIAGNOSTIC_COMPLETED("fr.repere.diagnostic.completed.v1"),
    DIAGNOSTIC_DECIDED("fr.repere.diagnostic.decided.v1"),
    REFERRAL_CREATED("fr.repere.referral.created.v1"),
    REFERRAL_STATUS_CHANGED("fr.repere.referral.status-changed.v1"),
    MANDATE_SIGNED("fr.repere.mandate.signed.v1"),
    MANDATE_REVOKED("fr.repere.mandate.revoked.v1"),
    DOSSIER_ERASED("fr.repere.dossier.erased.v1");

    private final String type;

    HostEventType(String type) {
        this.type = type;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }
}
