package fr.repere.web.api.administration;

import fr.repere.identity.OrganisationAdministration;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

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
}
