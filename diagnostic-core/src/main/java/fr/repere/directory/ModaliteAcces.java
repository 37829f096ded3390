package fr.repere.directory;

/** The national schema's {@code modalites_acces} values, verbatim. */
public enum ModaliteAcces implements Vocabulary {
    SE_PRESENTER("Se présenter"),
    TELEPHONER("Téléphoner"),
    CONTACTER_PAR_MAIL("Contacter par mail"),
    PRESCRIPTION_PAR_MAIL("Envoyer un mail avec une fiche de prescription"),
    RDV_EN_LIGNE("Prendre un RDV en ligne"),
    PAS_DE_PUBLIC("Ce lieu n'accueille pas de public");

    private final String label;

    ModaliteAcces(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
