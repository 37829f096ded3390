package fr.repere.infrastructure;

import fr.repere.diagnostic.Diagnostic;

import jakarta.persistence.TypedQuery;

import java.util.List;

/**
 * Fetch plans for {@link Diagnostic}, whose collections are lazy. A list of diagnostics reads each
 * collection for all its rows in one statement (EclipseLink batch reading, {@code IN} on the ids),
 * never one statement per row; a diagnostic leaves its repository with what a view reads
 * (answers, scores, proposal, decision) loaded inside the transaction, since views are built after
 * it ends.
 */
final class DiagnosticLoading {

    /** The collections of {@link Diagnostic}, as its fields are named. */
    private static final List<String> COLLECTIONS = List.of("answers", "scores", "reasons", "actions", "needs", "finalActions");

    private DiagnosticLoading() {
    }

    /** The query (whose diagnostics are named {@code alias}) reads every collection in one statement per collection. */
    static TypedQuery<Diagnostic> batched(TypedQuery<Diagnostic> query, String alias) {
        query.setHint("eclipselink.batch.type", "IN");
        for (String collection : COLLECTIONS) {
            query.setHint("eclipselink.batch", alias + "." + collection);
        }
        return query;
    }

    /**
     * Reads, now, what the views read of each diagnostic. On a batched query's result, the first
     * diagnostic's read brings every row's collection in.
     */
    static <T extends Iterable<Diagnostic>> T whole(T diagnostics) {
        for (Diagnostic d : diagnostics) {
            whole(d);
        }
        return diagnostics;
    }

    static Diagnostic whole(Diagnostic d) {
        if (d != null) {
            d.answers();
            d.scores();
            d.proposal();
            d.decision();
        }
        return d;
    }
}
