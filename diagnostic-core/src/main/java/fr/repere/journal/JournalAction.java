package fr.repere.journal;

/** What was done, in the journal's words. */
public enum JournalAction {
    LOGIN("Connexion"),
    LOGIN_REFUSED("Connexion refusée"),
    LOGOUT("Déconnexion"),
    DIAGNOSTIC_CREATE("Création d'un diagnostic"),
    DIAGNOSTIC_READ("Consultation d'un diagnostic"),
    DECISION_RECORD("Décision sur l'orientation"),
    DRAFT_START("Début d'un entretien"),
    DRAFT_CHANGE("Réponses enregistrées"),
    DRAFT_READ("Reprise d'un entretien"),
    DRAFT_ABANDON("Entretien abandonné"),
    CASE_EXPORT("Export des données d'une personne"),
    CASE_ERASE("Effacement des données d'une personne"),
    RETENTION_ANONYMIZE("Anonymisation après la durée de conservation"),
    ACCESS_REFUSED("Accès refusé"),
    TEAM_CREATE("Création d'une équipe"),
    AGENT_CREATE("Création d'un compte"),
    AGENT_CHANGE("Modification d'un compte"),
    HOST_KEY_ISSUE("Création d'une clé de logiciel métier"),
    HOST_KEY_REVOKE("Révocation d'une clé de logiciel métier"),
    CAF_LOOKUP("Interrogation de la CAF ou de la MSA (API Particulier)"),
    CAF_CALL("Appel à API Particulier (point d'accès et code de réponse)"),
    DIRECTORY_IMPORT("Import de l'annuaire des lieux"),
    PLACES_SEARCH("Recherche de lieux pour un diagnostic"),
    UNMET_NEEDS_READ("Consultation des besoins non couverts");

    private final String label;

    JournalAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
