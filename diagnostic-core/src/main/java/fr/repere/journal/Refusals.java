package fr.repere.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records a refused login or key without letting a flood fill the journal, whose entries may not
 * be deleted for 6 months: each refusal is counted per source, kind and minute
 * ({@link RefusalCounts}), and only the first refusal of each source, kind and minute is also
 * written to the journal (LOGIN_REFUSED, the kind as detail, no actor, nothing typed), so the
 * journal still shows when refusals happened and the counts say how many.
 */
public final class Refusals {

    private final RefusalCounts counts;
    private final Journal journal;
    private final DossierPseudonym keys;

    public Refusals(RefusalCounts counts, Journal journal, DossierPseudonym keys) {
        this.counts = counts;
        this.journal = journal;
        this.keys = keys;
    }

    /** @param address the source's address (normalised); only its keyed hash is kept */
    public void refused(String address, RefusalKind kind, Instant at) {
        if (counts.add(source(keys, address), kind, at.truncatedTo(ChronoUnit.MINUTES))) {
            journal.append(JournalEntry.loginRefused(at, kind));
        }
    }

    /** The pseudonym under which an address's refusals are counted. */
    public static String source(DossierPseudonym keys, String address) {
        return keys.of("refusal-source", address);
    }
}
