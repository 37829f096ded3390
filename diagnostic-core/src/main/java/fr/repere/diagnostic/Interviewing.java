package fr.repere.diagnostic;

import fr.repere.caf.CafConsultations;
import fr.repere.caf.CafConsulting;
import fr.repere.hostevent.HostEvents;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The interview use cases ({@link Interviews}) over injected ports, with what the CAF said during
 * the interview: it is context for the rules when the interview is completed (and its
 * consultations record that the orientation used it), and it goes with the interview when the
 * interview is abandoned. Completing one writes its host event in the same transaction, which is
 * the caller's.
 */
@ApplicationScoped
public class Interviewing {

    /** Only completing an interview orients: every other use case is given this policy. */
    private static final OrientationPolicy NO_ORIENTATION = profile -> {
        throw new IllegalStateException("only completing an interview orients");
    };

    private QuestionnaireCatalog catalog;
    private DraftRepository drafts;
    private DiagnosticRepository diagnostics;
    private CafConsulting caf;
    private CafConsultations cafConsultations;
    private Clock clock;
    private HostEvents events;

    /** For CDI's proxy. */
    protected Interviewing() {
    }

    @Inject
    public Interviewing(QuestionnaireCatalog catalog, DraftRepository drafts, DiagnosticRepository diagnostics,
                        CafConsulting caf, CafConsultations cafConsultations, Clock clock,
                        HostEvents events) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.caf = Objects.requireNonNull(caf, "caf");
        this.cafConsultations = Objects.requireNonNull(cafConsultations, "cafConsultations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Starts an interview of the team's dossier; {@code consented}: the person heard the notice and agreed. */
    public DraftChange start(String team, String caseRef, Map<String, List<String>> answers, boolean consented) {
        return interviews(NO_ORIENTATION).start(team, caseRef, answers, consented);
    }

    public DraftChange answer(DiagnosticId id, Map<String, List<String>> answers) {
        return interviews(NO_ORIENTATION).answer(id, answers);
    }

    /** The draft; {@link UnknownDraftException} if there is none. */
    public Draft find(DiagnosticId id) {
        return interviews(NO_ORIENTATION).find(id);
    }

    public Questionnaire questionnaireOf(Draft draft) {
        return interviews(NO_ORIENTATION).questionnaireOf(draft);
    }

    /**
     * Turns the draft into a diagnostic of the same id, oriented by {@code policy} (the rules of the
     * caller's organisation) with what the CAF said, with the person's consent (quarterly
     * declarations); the CAF's consultations record whether this orientation used it.
     */
    public Diagnostic complete(DiagnosticId id, OrientationPolicy policy) {
        Set<String> context = caf.useInOrientation(id.value());
        Diagnostic d = interviews(policy).complete(id, context);
        events.record(DiagnosticEvents.completed(d, d.takenAt()));
        return d;
    }

    /** Deletes the draft, and what the CAF said during the interview with it. */
    public void abandon(DiagnosticId id) {
        cafConsultations.removeOfInterviews(List.of(id.value()));
        interviews(NO_ORIENTATION).abandon(id);
    }

    /** Concurrent changes (optimistic lock) and constraint violations surface here, as a clear error. */
    public void flush() {
        drafts.flush();
    }

    private Interviews interviews(OrientationPolicy policy) {
        return new Interviews(catalog, drafts, new DiagnosticTaking(catalog, policy, diagnostics, clock), clock);
    }
}
