package fr.repere.web.api.administration;

import fr.repere.host.HostAdministration;
import fr.repere.host.HostRegistration;
import fr.repere.journal.JournalAction;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Transaction boundary of the host registrations an administrator manages
 * ({@link HostAdministration}, in the core), within the administrator's organisation: an id of
 * another organisation is answered as unknown (404). Every change is journaled.
 */
@ApplicationScoped
public class Hosts {

    @Inject
    private HostAdministration hosts;

    @Inject
    private AdministratorScope scope;

    @Transactional
    public List<HostRegistration> registrations(Caller admin) {
        return hosts.registrations(scope.organisation(admin));
    }

    @Transactional
    public HostRegistration register(Caller admin, HostAdministration.Request request) {
        String org = scope.organisation(admin);
        HostRegistration r = AdministratorScope.refusedAsProblem("Logiciel inconnu", () -> hosts.register(org, admin.agentId(), request));
        scope.log(admin, JournalAction.HOST_REGISTER, r.id());
        return r;
    }

    @Transactional
    public void remove(Caller admin, String id) {
        String org = scope.organisation(admin);
        HostRegistration r = AdministratorScope.refusedAsProblem("Logiciel inconnu", () -> hosts.remove(org, id));
        scope.log(admin, JournalAction.HOST_UNREGISTER, r.id());
    }
}
