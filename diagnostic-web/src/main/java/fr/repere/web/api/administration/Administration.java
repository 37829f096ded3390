package fr.repere.web.api.administration;

import fr.repere.identity.AdministrationRefusedException;
import fr.repere.identity.Agent;
import fr.repere.identity.HostCredential;
import fr.repere.identity.OrganisationAdministration;
import fr.repere.identity.Team;
import fr.repere.journal.JournalAction;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.function.Supplier;

/**
 * Transaction boundary of what an administrator manages ({@link OrganisationAdministration}, in the
 * core), always within the organisation of the administrator's own team: an id of another
 * organisation is answered as unknown (404). Every change is journaled.
 */
@ApplicationScoped
public class Administration {

    @Inject
    private OrganisationAdministration administration;

    @Inject
    private AdministratorScope scope;

    @Transactional
    public List<Team> teams(Caller admin) {
        return administration.teams(scope.organisation(admin));
    }

    @Transactional
    public Team createTeam(Caller admin, String name) {
        Team team = administration.createTeam(scope.organisation(admin), name);
        scope.log(admin, JournalAction.TEAM_CREATE, team.id());
        return team;
    }

    @Transactional
    public List<Agent> agents(Caller admin) {
        return administration.agents(scope.organisation(admin));
    }

    @Transactional
    public Agent createAgent(Caller admin, AgentRequest request) {
        String org = scope.organisation(admin);
        Agent agent = refusedAsProblem(() -> administration.createAgent(org, request.team(), request.role(),
                request.displayName(), request.email()));
        scope.log(admin, JournalAction.AGENT_CREATE, agent.id());
        return agent;
    }

    @Transactional
    public Agent changeAgent(Caller admin, String id, AgentChange change) {
        String org = scope.organisation(admin);
        Agent agent = refusedAsProblem(() -> administration.changeAgent(org, admin.agentId(), id, change.role(),
                change.team(), change.active()));
        scope.log(admin, JournalAction.AGENT_CHANGE, agent.id());
        return agent;
    }

    @Transactional
    public List<HostCredential> hostKeys(Caller admin) {
        return administration.hostKeys(scope.organisation(admin));
    }

    /**
     * A new key for the organisation; restricted to these teams unless the list is empty. A team of
     * another organisation is refused as unknown.
     */
    @Transactional
    public HostCredential.Issued issueHostKey(Caller admin, String label, List<String> teams) {
        String org = scope.organisation(admin);
        HostCredential.Issued issued = refusedAsProblem(() -> administration.issueHostKey(org, admin.agentId(), label, teams));
        scope.log(admin, JournalAction.HOST_KEY_ISSUE, issued.credential().id());
        return issued;
    }

    @Transactional
    public void revokeHostKey(Caller admin, String id) {
        String org = scope.organisation(admin);
        HostCredential key = refusedAsProblem(() -> administration.revokeHostKey(org, id));
        scope.log(admin, JournalAction.HOST_KEY_REVOKE, key.id());
    }

    /** Runs a change, answering its refusal as the problem the administrator reads. */
    private static <T> T refusedAsProblem(Supplier<T> change) {
        try {
            return change.get();
        } catch (AdministrationRefusedException e) {
            throw problem(e);
        }
    }

    static ProblemException problem(AdministrationRefusedException e) {
        return switch (e.reason()) {
            case UNKNOWN_TEAM -> invalid(pointer(e), "Équipe inconnue dans votre organisation.");
            case SELF_DEMOTION -> invalid(pointer(e), "Un administrateur ne peut pas se désactiver ni se retirer ce rôle : "
                    + "demandez-le à un autre administrateur.");
            case EMAIL_TAKEN -> new ProblemException(Problem.of("email-taken", "Adresse déjà utilisée", 409,
                    "Un compte Repère utilise déjà cette adresse e-mail."));
            case UNKNOWN_AGENT -> new ProblemException(Problem.of("not-found", "Compte inconnu", 404,
                    "Aucun compte de votre organisation ne porte cet identifiant."));
            case UNKNOWN_HOST_KEY -> new ProblemException(Problem.of("not-found", "Clé inconnue", 404,
                    "Aucune clé de logiciel métier de votre organisation ne porte cet identifiant."));
        };
    }

    private static String pointer(AdministrationRefusedException e) {
        return "/" + e.field() + (e.index() < 0 ? "" : "/" + e.index());
    }

    private static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(Problem.of("invalid-request", "Demande impossible", 422, detail)
                .withErrors(List.of(new Problem.FieldError(pointer, detail))));
    }
}
