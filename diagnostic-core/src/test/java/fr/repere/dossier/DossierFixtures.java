package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Reason;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Diagnostics and drafts of a dossier, added to an {@link InMemoryDossiers}. */
final class DossierFixtures {

    static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.load();

    private DossierFixtures() {
    }

    static Diagnostic diagnostic(InMemoryDossiers store, String team, String caseRef, Instant takenAt) {
        Diagnostic d = Diagnostic.record(DiagnosticId.next(), team, caseRef, "1.0",
                AnswerSheet.of(Map.of("ACC_EQUIPEMENT", List.of("ORDINATEUR"))),
                new ScoreCard(Map.of(Dimension.ACCESS, new DimensionScore(Dimension.ACCESS, 20, Level.FRAGILE, 100)), Set.of()),
                new OrientationDecision(Orientation.MEDIATOR, List.of(new Reason("R1", "accès fragile")), "1.0.0"), takenAt);
        store.diagnostics.add(d);
        return d;
    }

    static Draft draft(InMemoryDossiers store, String team, String caseRef, Instant savedAt) {
        Draft d = Draft.start(DiagnosticId.next(), team, caseRef, CATALOG.current(), savedAt);
        store.drafts.add(d);
        return d;
    }
}
