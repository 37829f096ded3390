package fr.repere.web.api.administration;

import fr.repere.identity.Agent;
import fr.repere.identity.HostCredential;
import fr.repere.identity.Role;
import fr.repere.identity.Team;
import fr.repere.infrastructure.JpaAdministration;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Transaction boundary of what an administrator manages, always within the organisation of the
 * administrator's own team: an id of another organisation is answered as unknown (404). Every
 * change is journaled.
 */
@ApplicationScoped
public class Administration {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Transactional
    public List<Team> teams(Caller admin) {
        return admin().teams(organisation(admin));
    }

    @Transactional
    public Team createTeam(Caller admin, String name) {
        Team team = new Team(organisation(admin), name);
        admin().add(team);
        log(admin, JournalAction.TEAM_CREATE, team.id());
        return team;
    }

    @Transactional
    public List<Agent> agents(Caller admin) {
        return admin().agents(organisation(admin));
    }

    @Transactional
    public Agent createAgent(Caller admin, AgentRequest request) {
        JpaAdministration a = admin();
        String org = organisation(admin);
        if (a.team(org, request.team()).isEmpty()) {
            throw invalid("/team", "Équipe inconnue dans votre organisation.");
        }
        if (a.emailTaken(request.email())) {
            throw new ProblemException(Problem.of("email-taken", "Adresse déjà utilisée", 409,
                    "Un compte Repère utilise déjà cette adresse e-mail."));
        }
        Agent agent = Agent.create(request.team(), request.role(), request.displayName(), request.email());
        a.add(agent);
        log(admin, JournalAction.AGENT_CREATE, agent.id());
        return agent;
    }

    @Transactional
    public Agent changeAgent(Caller admin, String id, AgentChange change) {
        JpaAdministration a = admin();
        String org = organisation(admin);
        Agent agent = a.agent(org, id).orElseThrow(Administration::unknownAgent);
        boolean self = agent.id().equals(admin.agentId());
        if (self && (Boolean.FALSE.equals(change.active()) || change.role() != null && change.role() != Role.ADMIN)) {
            throw invalid("/active", "Un administrateur ne peut pas se désactiver ni se retirer ce rôle : "
                    + "demandez-le à un autre administrateur.");
        }
        if (change.team() != null && a.team(org, change.team()).isEmpty()) {
            throw invalid("/team", "Équipe inconnue dans votre organisation.");
        }
        if (change.role() != null || change.team() != null) {
            agent.assign(change.role() == null ? agent.role() : change.role(), change.team() == null ? agent.team() : change.team());
        }
        if (Boolean.FALSE.equals(change.active())) {
            agent.deactivate(); // its sessions end at their next request (CallerFilter reads the account)
        } else if (Boolean.TRUE.equals(change.active())) {
            agent.reactivate();
        }
        log(admin, JournalAction.AGENT_CHANGE, agent.id());
        return agent;
    }

    @Transactional
    public List<HostCredential> hostKeys(Caller admin) {
        return admin().hostCredentials(organisation(admin));
    }

    /**
     * A new key for the organisation; restricted to these teams unless the list is empty. A team of
     * another organisation is refused as unknown.
     */
    @Transactional
    public HostCredential.Issued issueHostKey(Caller admin, String label, List<String> teams) {
        String org = organisation(admin);
        for (int i = 0; i < teams.size(); i++) {
            if (admin().team(org, teams.get(i)).isEmpty()) {
                throw invalid("/teams/" + i, "Équipe inconnue dans votre organisation.");
            }
        }
        HostCredential.Issued issued = HostCredential.issue(org, label, teams, admin.agentId(), clock.instant());
        admin().add(issued.credential());
        log(admin, JournalAction.HOST_KEY_ISSUE, issued.credential().id());
        return issued;
    }

    @Transactional
    public void revokeHostKey(Caller admin, String id) {
        HostCredential key = admin().hostCredential(id).filter(c -> c.organisation().equals(organisation(admin)))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Clé inconnue", 404,
                        "Aucune clé de logiciel métier de votre organisation ne porte cet identifiant.")));
        key.revoke(clock.instant());
        log(admin, JournalAction.HOST_KEY_REVOKE, key.id());
    }

    private JpaAdministration admin() {
        return new JpaAdministration(em);
    }

    private String organisation(Caller admin) {
        return admin().organisationOf(admin.team()).orElseThrow(() -> new IllegalStateException(
                "administrator " + admin.agentId() + " has a team of no organisation"));
    }

    private void log(Caller admin, JournalAction action, String target) {
        journal.append(JournalEntry.administration(clock.instant(), admin.actor(), action, target));
    }

    private static ProblemException unknownAgent() {
        return new ProblemException(Problem.of("not-found", "Compte inconnu", 404,
                "Aucun compte de votre organisation ne porte cet identifiant."));
    }

    private static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(Problem.of("invalid-request", "Demande impossible", 422, detail)
                .withErrors(List.of(new Problem.FieldError(pointer, detail))));
    }
}
