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
    WEBHOOK_CREATE("Création d'un webhook"),
    WEBHOOK_DELETE("Suppression d'un webhook"),
    WEBHOOK_SECRET_ROTATE("Nouveau secret d'un webhook"),
    WEBHOOK_REPLAY("Nouvel envoi des événements d'un webhook"),
    HOST_REGISTER("Enregistrement d'un logiciel métier (ouverture signée)"),
    HOST_UNREGISTER("Retrait d'un logiciel métier (ouverture signée)"),
    HOST_LAUNCH("Ouverture d'un dossier depuis le logiciel métier"),
    CAF_LOOKUP("Interrogation de la CAF ou de la MSA (API Particulier)"),
    CAF_CALL("Appel à API Particulier (point d'accès et code de réponse)"),
    DIRECTORY_IMPORT("Import de l'annuaire des lieux"),
    PLACES_SEARCH("Recherche de lieux pour un diagnostic"),
    UNMET_NEEDS_READ("Consultation des besoins non couverts"),
    REFERRAL_CREATE("Orientation vers un lieu"),
    REFERRAL_READ("Consultation d'une orientation"),
    REFERRAL_STATUS("Changement de statut d'une orientation"),
    REFERRAL_PRINT("Impression d'une fiche d'orientation"),
    REFERRAL_REMIND("Relance d'une orientation sans réponse"),
    REFERRAL_EXPIRE("Expiration d'une orientation sans réponse"),
    MANDATE_CREATE("Préparation d'un mandat"),
    MANDATE_READ("Consultation d'un mandat"),
    MANDATE_SIGN("Enregistrement de l'attestation signée"),
    MANDATE_USE("Utilisation d'une autorisation"),
    MANDATE_REVOKE("Révocation d'un mandat ou d'une autorisation"),
    MANDATE_PRINT("Impression d'une attestation de mandat"),
    TEAM_DOSSIER_READ("Consultation depuis le tableau de bord d'équipe");

    private final String label;

    JournalAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
