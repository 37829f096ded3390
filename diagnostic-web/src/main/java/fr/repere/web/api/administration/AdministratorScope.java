package fr.repere.web.api.administration;

import fr.repere.identity.AdministrationRefusedException;
import fr.repere.identity.ChangeRefusedException;
import fr.repere.identity.OrganisationAdministration;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every administration register needs: the administrator's organisation (that of the own
 * team, the only one an administrator acts on) and the journal entry of each change.
 */
@ApplicationScoped
public class AdministratorScope {

    @Inject
    private OrganisationAdministration administration;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    public String organisation(Caller admin) {
        return administration.organisationOf(admin.team()).orElseThrow(() -> new IllegalStateException(
                "administrator " + admin.agentId() + " has a team of no organisation"));
    }

    public void log(Caller admin, JournalAction action, String target) {
        journal.append(JournalEntry.administration(clock.instant(), admin.actor(), action, target));
    }

    /**
     * Runs a register's change, its refusals answered as problem details: a team of another
     * organisation (422), a record not the organisation's (404, {@code unknownTitle}), a refused field (422).
     */
    public static <T> T refusedAsProblem(String unknownTitle, Supplier<T> change) {
        try {
            return change.get();
        } catch (AdministrationRefusedException e) {
            throw Administration.problem(e);
        } catch (ChangeRefusedException e) {
            throw switch (e.reason()) {
                case UNKNOWN -> new ProblemException(Problem.of("not-found", unknownTitle, 404, e.detail()));
                case INVALID -> new ProblemException(Problem.of("invalid-request", "Demande impossible", 422, e.detail())
                        .withErrors(List.of(new Problem.FieldError("/" + e.field(), e.detail()))));
            };
        }
    }
}
