package fr.repere.diagnostic;

/** Actions proposed beside the primary orientation, to lift an obstacle that is not (only) skills. */
public enum ComplementaryAction {
    EQUIPMENT("Équipement : acquisition de matériel informatique à prix solidaire"),
    CONNECTIVITY("Connexion : offre solidaire, accès internet et matériel informatique"),
    BANK_ACCOUNT("Compte bancaire : droit au compte, Point conseil budget"),
    BUDGET("Budget : accompagnement par un Point conseil budget"),
    EMAIL_IDENTITY("Adresse e-mail et identité numérique (FranceConnect) à créer"),
    FRENCH_COURSE("Cours de français (français langue étrangère)"),
    LITERACY("Accompagnement en lecture et écriture (illettrisme)"),
    ACCESSIBILITY_VISUAL("Adaptation : déficience visuelle"),
    ACCESSIBILITY_HEARING("Adaptation : surdité"),
    ACCESSIBILITY_MOTOR("Adaptation : handicap moteur"),
    ACCESSIBILITY_COGNITIVE("Adaptation : troubles cognitifs ou handicap mental"),
    ONLINE_SAFETY("Utilisation sécurisée du numérique (arnaques, mots de passe)");

    private final String label;

    ComplementaryAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
