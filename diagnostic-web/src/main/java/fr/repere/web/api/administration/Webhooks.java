package fr.repere.web.api.administration;

import fr.repere.identity.AdministrationRefusedException;
import fr.repere.journal.JournalAction;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;
import fr.repere.webhook.WebhookAdministration;
import fr.repere.webhook.WebhookEndpoint;
import fr.repere.webhook.WebhookRefusedException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

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
        WebhookAdministration.Created created = refusedAsProblem(() -> webhooks.create(org, admin.agentId(), url, teams));
        scope.log(admin, JournalAction.WEBHOOK_CREATE, created.endpoint().id());
        return created;
    }

    @Transactional
    public void delete(Caller admin, String id) {
        String org = scope.organisation(admin);
        WebhookEndpoint endpoint = refusedAsProblem(() -> webhooks.delete(org, id));
        scope.log(admin, JournalAction.WEBHOOK_DELETE, endpoint.id());
    }

    @Transactional
    public String rotate(Caller admin, String id) {
        String org = scope.organisation(admin);
        String secret = refusedAsProblem(() -> webhooks.rotate(org, id));
        scope.log(admin, JournalAction.WEBHOOK_SECRET_ROTATE, id);
        return secret;
    }

    @Transactional
    public int replay(Caller admin, String id, Instant from) {
        String org = scope.organisation(admin);
        int planned = refusedAsProblem(() -> webhooks.replay(org, id, from));
        scope.log(admin, JournalAction.WEBHOOK_REPLAY, id);
        return planned;
    }

    private static <T> T refusedAsProblem(Supplier<T> change) {
        try {
            return change.get();
        } catch (AdministrationRefusedException e) {
            throw Administration.problem(e);
        } catch (WebhookRefusedException e) {
            throw switch (e.reason()) {
                case UNKNOWN_WEBHOOK -> new ProblemException(Problem.of("not-found", "Webhook inconnu", 404, e.detail()));
                case INVALID -> new ProblemException(Problem.of("invalid-request", "Demande impossible", 422, e.detail())
                        .withErrors(List.of(new Problem.FieldError("/" + e.field(), e.detail()))));
            };
        }
    }
}
