package fr.repere.web.api.caf;

import fr.repere.caf.CafAnswers;
import fr.repere.caf.CafConsultation;
import fr.repere.caf.CafConsulting;
import fr.repere.caf.CafLookup;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticRepository;
import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.DraftRepository;
import fr.repere.diagnostic.UnknownDraftException;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transaction boundary of CAF consultations: opened on an interview of the caller's team with the
 * person's consent, closed by the background call (or by the sweep when that call was lost), read
 * back by the worker. Every call is journaled with its result code, never with the identity.
 */
@ApplicationScoped
public class CafRegister {

    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");
    /** The sweep and late answers are the system's doing, not an agent's. */
    private static final JournalEntry.Actor SYSTEM = new JournalEntry.Actor("system", null, null);

    @Inject
    private DraftRepository drafts;

    @Inject
    private DiagnosticRepository diagnostics;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Inject
    private TeamScope scope;

    @Inject
    private CafSettings settings;

    @Inject
    private CafConsulting consulting;

    /** What the background call needs to report: the consultation and the dossier's pseudonym. */
    public record Started(CafConsultation consultation, String dossier) {
    }

    /** Records the consent and opens the consultation, for an interview still in progress. */
    @Transactional
    public Started start(Caller caller, DiagnosticId id) {
        Draft draft = drafts.find(id)
                .flatMap(d -> scope.of(caller, Optional.of(d), Draft::belongsTo, JournalAction.CAF_LOOKUP, id.value()))
                .orElseThrow(() -> new UnknownDraftException(id));
        CafConsultation consultation = consulting.open(id.value(), draft.team(), caller.agentId());
        return new Started(consultation, journal.dossier(draft.team(), draft.caseRef()));
    }

    /** Closes the consultation with what the source said; journals every call, and the result if it was still open. */
    @Transactional
    public void finish(Started started, JournalEntry.Actor actor, CafCircuit.Consulted consulted) {
        String interview = started.consultation().interview();
        for (String call : consulted.calls()) {
            journal.append(JournalEntry.cafCall(clock.instant(), actor, started.dossier(), interview, call));
        }
        boolean closedNow = consulting.close(started.consultation().id(), consulted.lookup()).isPresent();
        journal.append(JournalEntry.cafLookup(clock.instant(), actor, started.dossier(), interview,
                (closedNow ? "" : "LATE ") + code(consulted.lookup())));
    }

    /** The consultations of the interview, read by its team; one left pending past its deadline is closed first. */
    @Transactional
    public Optional<CafAnswers> answers(Caller caller, DiagnosticId id) {
        CafAnswers answers = consulting.answers(id.value());
        Optional<CafAnswers> ofTeam = scope.of(caller, answers.latest(), (c, team) -> c.team().equals(team),
                JournalAction.DRAFT_READ, id.value()).map(c -> answers);
        if (ofTeam.isPresent() && answers.latest().filter(c -> c.overdue(clock.instant(), settings.deadline())).isPresent()) {
            closeIfOverdue(answers.latest().get().id());
            return Optional.of(consulting.answers(id.value()));
        }
        return ofTeam;
    }

    /** Ids of the consultations left pending past the deadline (the sweep's work list). */
    @Transactional
    public List<String> overdue(int limit) {
        return consulting.overdue(settings.deadline(), limit);
    }

    /** Closes one consultation left pending past the deadline, journaled as the system's; false if there was nothing to do. */
    @Transactional
    public boolean closeIfOverdue(String id) {
        return consulting.closeIfOverdue(id, settings.deadline()).map(c -> {
            journal.append(JournalEntry.cafLookup(clock.instant(), SYSTEM, dossierOf(c), c.interview(),
                    code(new CafLookup.Unavailable(CafLookup.Failure.INTERNAL, CafConsulting.LOST, null))));
            return true;
        }).orElse(false);
    }

    /** The dossier's pseudonym, from the interview's draft or the diagnostic it became. */
    private String dossierOf(CafConsultation c) {
        DiagnosticId interview = new DiagnosticId(c.interview());
        Optional<String> caseRef = drafts.find(interview).map(Draft::caseRef)
                .or(() -> diagnostics.find(interview).map(d -> d.caseRef()));
        return caseRef.map(ref -> journal.dossier(c.team(), ref)).orElse(null);
    }

    /** The journal's result code: FOUND, NOT_FOUND, or the failure with the HTTP status when there was one. */
    static String code(CafLookup lookup) {
        if (lookup instanceof CafLookup.Found) {
            return "FOUND";
        }
        if (lookup instanceof CafLookup.Unavailable u) {
            Matcher m = HTTP_STATUS.matcher(u.reason());
            return u.failure().name() + (m.find() ? " HTTP " + m.group(1) : "");
        }
        return "NOT_FOUND";
    }
}
