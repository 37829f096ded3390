package fr.repere.identity;

/** What an agent may do. One role per agent. */
public enum Role {
    WORKER("Travailleur social"),
    TEAM_LEAD("Responsable d'équipe"),
    ANALYST("Chargé d'études (statistiques)"),
    ADMIN("Administrateur"),
    /** Not an agent: the case-management software of an organisation, calling with its key. */
    HOST("Logiciel métier");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Roles that work with people's dossiers, within their team. */
    public boolean seesDossiers() {
        return this == WORKER || this == TEAM_LEAD;
    }
}
