package fr.repere.infrastructure;

import fr.repere.identity.Agent;
import fr.repere.identity.AgentDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;
import java.util.Optional;

/** Agents in MariaDB through JPA. E-mail addresses are compared case-insensitively, OpenID Connect subjects exactly. */
@ApplicationScoped
public class JpaAgentDirectory implements AgentDirectory {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaAgentDirectory() {
    }

    public JpaAgentDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Agent> byEmail(String email) {
        return em.createQuery("SELECT a FROM Agent a WHERE LOWER(a.email) = :email", Agent.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Agent> byId(String id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    @Override
    public Optional<Agent> byOidc(String issuer, String subject) {
        return em.createQuery("SELECT a FROM Agent a WHERE a.oidcIssuer = :issuer AND a.oidcSubject = :subject", Agent.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream()
                // the column collation ignores case and trailing spaces; a subject is compared exactly
                .filter(a -> issuer.equals(a.oidcIssuer()) && subject.equals(a.oidcSubject()))
                .findFirst();
    }

    @Override
    public int deactivateDemoAccounts() {
        return em.createQuery("UPDATE Agent a SET a.active = FALSE WHERE a.demo = TRUE AND a.active = TRUE").executeUpdate();
    }
}
