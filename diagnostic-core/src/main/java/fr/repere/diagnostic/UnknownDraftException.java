package fr.repere.diagnostic;

/** No draft with this id: never started, abandoned, or already completed. */
public class UnknownDraftException extends RuntimeException {

    public UnknownDraftException(DiagnosticId id) {
        super("no draft " + id);
    }
}
