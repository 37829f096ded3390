package fr.repere.web.api.diagnostic;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.scoring.DimensionScore;

import java.util.List;
import java.util.Map;

/** A diagnostic as the API shows it: labels in French beside the stable codes. */
public record DiagnosticView(String id, String caseRef, String questionnaireVersion, String rulesetVersion,
                             String takenAt, List<ScoreView> scores, OrientationView orientation,
                             Map<String, List<String>> answers) {

    public record ScoreView(String dimension, String dimensionLabel, Integer score, String level, String levelLabel,
                            int confidence) {
        static ScoreView of(DimensionScore s) {
            return new ScoreView(s.dimension().name(), s.dimension().label(), s.score(), s.level().name(),
                    s.level().label(), s.confidence());
        }
    }

    public record OrientationView(String primary, String label, List<ReasonView> reasons) {
    }

    public record ReasonView(String rule, String text) {
    }

    public static DiagnosticView of(Diagnostic d) {
        return new DiagnosticView(d.id().value(), d.caseRef(), d.questionnaireVersion(), d.rulesetVersion(),
                d.takenAt().toString(),
                d.scores().all().stream().map(ScoreView::of).toList(),
                new OrientationView(d.primaryOrientation().name(), d.primaryOrientation().label(),
                        d.reasons().stream().map(r -> new ReasonView(r.rule(), r.text())).toList()),
                d.answers().asMap());
    }
}
