package fr.repere.web.api.caf;

import fr.repere.caf.CafConsultation;
import fr.repere.caf.CafLookup;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.UnknownDraftException;
import fr.repere.infrastructure.JpaCafConsultations;
import fr.repere.infrastructure.JpaDraftRepository;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transaction boundary of CAF consultations: opened on an interview of the caller's team with the
 * person's consent, completed by the background call, read back by the worker. Every call is
 * journaled with its result code, never with the identity.
 */
@ApplicationScoped
public class CafRegister {

    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Inject
    private TeamScope scope;

    /** What the background call needs to report: the consultation and the dossier's pseudonym. */
    public record Started(CafConsultation consultation, String dossier) {
    }

    /** Records the consent and opens the consultation, for an interview still in progress. */
    @Transactional
    public Started start(Caller caller, DiagnosticId id) {
        Draft draft = ofTeam(caller, id);
        CafConsultation consultation = CafConsultation.consented(id.value(), draft.team(), caller.agentId(), clock.instant());
        new JpaCafConsultations(em).add(consultation);
        return new Started(consultation, journal.dossier(draft.team(), draft.caseRef()));
    }

    @Transactional
    public void finish(Started started, JournalEntry.Actor actor, CafCircuit.Consulted consulted) {
        CafConsultation consultation = new JpaCafConsultations(em).find(started.consultation().id()).orElseThrow();
        consultation.complete(consulted.lookup(), clock.instant());
        for (String call : consulted.calls()) {
            journal.append(JournalEntry.cafCall(clock.instant(), actor, started.dossier(), consultation.interview(), call));
        }
        journal.append(JournalEntry.cafLookup(clock.instant(), actor, started.dossier(), consultation.interview(),
                code(consulted.lookup())));
    }

    /** The interview's latest consultation, read by its team. */
    @Transactional
    public Optional<CafConsultation> latest(Caller caller, DiagnosticId id) {
        return scope.of(caller, new JpaCafConsultations(em).latest(id.value()), (c, team) -> c.team().equals(team),
                JournalAction.DRAFT_READ, id.value());
    }

    private Draft ofTeam(Caller caller, DiagnosticId id) {
        Draft draft = new JpaDraftRepository(em).find(id).orElseThrow(() -> new UnknownDraftException(id));
        return scope.of(caller, Optional.of(draft), Draft::belongsTo, JournalAction.CAF_LOOKUP, id.value())
                .orElseThrow(() -> new UnknownDraftException(id));
    }

    /** The journal's result code: FOUND, NOT_FOUND, or UNAVAILABLE with the HTTP status when there was one. */
    static String code(CafLookup lookup) {
        if (lookup instanceof CafLookup.Found) {
            return "FOUND";
        }
        if (lookup instanceof CafLookup.Unavailable u) {
            Matcher m = HTTP_STATUS.matcher(u.reason());
            return m.find() ? "UNAVAILABLE HTTP " + m.group(1) : u.transientFailure() ? "UNAVAILABLE TRANSIENT" : "UNAVAILABLE";
        }
        return "NOT_FOUND";
    }
}
