package fr.repere.web.api.draft;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticTaking;
import fr.repere.diagnostic.DraftChange;
import fr.repere.diagnostic.Interviews;
import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.infrastructure.JpaDiagnosticRepository;
import fr.repere.infrastructure.JpaDraftRepository;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Transaction boundary around the interview use cases; each change is flushed before returning. */
@ApplicationScoped
public class InterviewRegister {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private QuestionnaireCatalog catalog;

    @Inject
    private OrientationPolicy policy;

    @Inject
    private Clock clock;

    @Transactional
    public DraftView start(String caseRef, Map<String, List<String>> answers) {
        return flushed(interviews().start(caseRef, answers));
    }

    @Transactional
    public DraftView answer(DiagnosticId id, Map<String, List<String>> answers) {
        return flushed(interviews().answer(id, answers));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DraftView find(DiagnosticId id) {
        Interviews interviews = interviews();
        var draft = interviews.find(id);
        return DraftView.of(new DraftChange(draft, List.of()), interviews.questionnaireOf(draft));
    }

    @Transactional
    public Diagnostic complete(DiagnosticId id) {
        Diagnostic diagnostic = interviews().complete(id);
        em.flush();
        return diagnostic;
    }

    @Transactional
    public void abandon(DiagnosticId id) {
        interviews().abandon(id);
        em.flush();
    }

    private DraftView flushed(DraftChange change) {
        em.flush(); // optimistic-lock and constraint failures surface here, as a clear error
        Questionnaire questionnaire = catalog.version(change.draft().questionnaireVersion()).orElseThrow();
        return DraftView.of(change, questionnaire);
    }

    private Interviews interviews() {
        return new Interviews(catalog, new JpaDraftRepository(em),
                new DiagnosticTaking(catalog, policy, new JpaDiagnosticRepository(em), clock), clock);
    }
}
