package fr.repere.web.api.host;

import fr.repere.hostevent.HostEventFeed;
import fr.repere.hostevent.HostEventSequencer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The transactions of the host events' feed: numbering the committed events, in a transaction of
 * its own (short, and serialized across nodes by the sequencer's lock), then reading a page.
 */
@ApplicationScoped
public class HostEventWork {

    @Inject
    private HostEventSequencer sequencer;

    @Inject
    private HostEventFeed feed;

    /**
     * Numbers one batch of the events committed so far, in a transaction of its own; returns how
     * many (a full {@link HostEventSequencer#BATCH}: call again).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sequence() {
        return sequencer.sequence();
    }

    @Transactional
    public HostEventFeed.Page after(String organisation, List<String> restriction, long cursor, int limit) {
        return feed.after(organisation, restriction, cursor, limit);
    }
}
