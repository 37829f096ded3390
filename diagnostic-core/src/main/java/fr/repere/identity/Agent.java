package fr.repere.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who uses Repère (travailleur social, responsable d'équipe, chargé d'études,
 * administrateur), in one team, with one role. Logs in with the built-in password or, in
 * production, through ProConnect (matched on issuer + subject). A deactivated agent cannot log in.
 */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "team_id", length = 36, nullable = false)
    private String team;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16, nullable = false)
    private Role role;

    @Column(name = "display_name", length = 120, nullable = false)
    private String displayName;

    @Column(name = "email", length = 254, nullable = false)
    private String email;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    /** The OpenID Connect provider and subject this agent logs in with; null until the first such login. */
    @Column(name = "oidc_issuer", length = 255)
    private String oidcIssuer;

    @Column(name = "oidc_subject", length = 255)
    private String oidcSubject;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** A demonstration account: disabled at start-up unless demo accounts are explicitly allowed. */
    @Column(name = "demo", nullable = false)
    private boolean demo;

    protected Agent() {
        // for JPA
    }

    public boolean passwordMatches(char[] password) {
        return active && Passwords.matches(password, passwordHash);
    }

    /**
     * Records the provider account (issuer + subject) this agent logs in with, at the first login
     * through the provider. An agent already linked to another account keeps its link.
     *
     * @return whether the agent is now linked to exactly this account
     */
    public boolean linkOidc(String issuer, String subject) {
        if (oidcSubject == null && oidcIssuer == null) {
            oidcIssuer = java.util.Objects.requireNonNull(issuer, "issuer");
            oidcSubject = java.util.Objects.requireNonNull(subject, "subject");
            return true;
        }
        return issuer.equals(oidcIssuer) && subject.equals(oidcSubject);
    }

    public void deactivate() {
        active = false;
    }

    public String id() {
        return id;
    }

    public String team() {
        return team;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    public String oidcIssuer() {
        return oidcIssuer;
    }

    public String oidcSubject() {
        return oidcSubject;
    }

    public boolean active() {
        return active;
    }

    public boolean demo() {
        return demo;
    }
}
