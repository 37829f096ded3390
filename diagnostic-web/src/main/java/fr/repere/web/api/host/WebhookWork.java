package fr.repere.web.api.host;

import fr.repere.webhook.WebhookDispatch;
import fr.repere.webhook.WebhookSender;
import fr.repere.webhook.WebhookStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The transactions of the webhooks' dispatch: planning and claiming each in a short transaction
 * of its own, sending outside any, recording each answer in its own.
 */
@ApplicationScoped
public class WebhookWork {

    @Inject
    private WebhookDispatch dispatch;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int plan() {
        return dispatch.plan();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<WebhookStore.Claimed> claim(int limit) {
        return dispatch.claim(limit);
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public WebhookSender.Answer send(WebhookStore.Claimed claimed) {
        return dispatch.send(claimed);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(WebhookStore.Claimed claimed, WebhookSender.Answer answer) {
        dispatch.record(claimed, answer);
    }
}
