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

    /** The stored password hash, for {@link PasswordLogin} alone; null for an agent who logs in through ProConnect only. */
    String passwordHash() {
        return passwordHash;
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

    /** A new, active account; it logs in with ProConnect, or with a password once one is set. */
    public static Agent create(String team, Role role, String displayName, String email) {
        if (role == Role.HOST) {
            throw new IllegalArgumentException("a host system is not an agent");
        }
        Agent a = new Agent();
        a.id = java.util.UUID.randomUUID().toString();
        a.team = java.util.Objects.requireNonNull(team, "team");
        a.role = java.util.Objects.requireNonNull(role, "role");
        a.displayName = java.util.Objects.requireNonNull(displayName, "displayName").strip();
        a.email = java.util.Objects.requireNonNull(email, "email").strip().toLowerCase(java.util.Locale.ROOT);
        a.active = true;
        return a;
    }

    public void reactivate() {
        active = true;
    }

    public void assign(Role newRole, String newTeam) {
        if (newRole == Role.HOST) {
            throw new IllegalArgumentException("a host system is not an agent");
        }
        role = java.util.Objects.requireNonNull(newRole, "role");
        team = java.util.Objects.requireNonNull(newTeam, "team");
    }

    public void setPassword(char[] password) {
        passwordHash = Passwords.hash(password);
    }

    public String email() {
        return email;
    }
}
