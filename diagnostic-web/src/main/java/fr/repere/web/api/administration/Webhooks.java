package fr.repere.web.api.administration;

import fr.repere.journal.JournalAction;
import fr.repere.web.security.Caller;
import fr.repere.webhook.WebhookAdministration;
import fr.repere.webhook.WebhookEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Transaction boundary of the webhook endpoints an administrator manages
 * ({@link WebhookAdministration}, in the core), within the organisation of the administrator's own
 * team: an id of another organisation is answered as unknown (404). Every change is journaled.
 */
@ApplicationScoped
public class Webhooks {

    @Inject
    private WebhookAdministration webhooks;

    @Inject
    private AdministratorScope scope;

    @Transactional
    public List<WebhookEndpoint> endpoints(Caller admin) {
        return webhooks.endpoints(scope.organisation(admin));
    }

    @Transactional
    public WebhookAdministration.Created create(Caller admin, String url, List<String> teams) {
        String org = scope.organisation(admin);
        WebhookAdministration.Created created = AdministratorScope.refusedAsProblem("Webhook inconnu", () -> webhooks.create(org, admin.agentId(), url, teams));
        scope.log(admin, JournalAction.WEBHOOK_CREATE, created.endpoint().id());
        return created;
    }

    @Transactional
    public void delete(Caller admin, String id) {
        String org = scope.organisation(admin);
        WebhookEndpoint endpoint = AdministratorScope.refusedAsProblem("Webhook inconnu", () -> webhooks.delete(org, id));
        scope.log(admin, JournalAction.WEBHOOK_DELETE, endpoint.id());
    }

    @Transactional
    public String rotate(Caller admin, String id) {
        String org = scope.organisation(admin);
        String secret = AdministratorScope.refusedAsProblem("Webhook inconnu", () -> webhooks.rotate(org, id));
        scope.log(admin, JournalAction.WEBHOOK_SECRET_ROTATE, id);
        return secret;
    }

    @Transactional
    public int replay(Caller admin, String id, Instant from) {
        String org = scope.organisation(admin);
        int planned = AdministratorScope.refusedAsProblem("Webhook inconnu", () -> webhooks.replay(org, id, from));
        scope.log(admin, JournalAction.WEBHOOK_REPLAY, id);
        return planned;
    }
}
