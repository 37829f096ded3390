package fr.repere.web.api.diagnostic;

import fr.repere.diagnostic.ActionProposal;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.diagnostic.MandateSuggestion;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.WorkerDecision;
import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.scoring.DimensionScore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A diagnostic as the API shows it: labels in French beside the stable codes. */
public record DiagnosticView(String id, String caseRef, String questionnaireVersion, String rulesetVersion,
                             String consentAt, String takenAt, List<ScoreView> scores, ProposalView orientation, DecisionView decision,
                             Map<String, List<String>> answers) {

    public record ScoreView(String dimension, String dimensionLabel, Integer score, String level, String levelLabel,
                            int confidence) {
        static ScoreView of(DimensionScore s) {
            return new ScoreView(s.dimension().name(), s.dimension().label(), s.score(), s.level().name(),
                    s.level().label(), s.confidence());
        }
    }

    public record CodeLabel(String code, String label) {
    }

    /** The rule base's proposal. {@code primary} and {@code label} name the primary orientation. */
    public record ProposalView(String primary, String label, List<ReasonView> reasons, List<ActionView> actions,
                               List<NeedView> needs, MandateView mandate) {
    }

    public record ReasonView(String rule, String text) {
    }

    public record ActionView(String code, String label, ReasonView reason) {
    }

    public record NeedView(String service, List<String> priseEnChargeSpecifique, String forWhat) {
    }

    public record MandateView(List<CodeLabel> categories, String duration, String durationLabel, int days,
                              ReasonView reason) {
    }

    public record DecisionView(String orientation, String label, List<CodeLabel> actions, boolean overridden,
                               String reason, String decidedAt) {
    }

    public static DiagnosticView of(Diagnostic d) {
        return new DiagnosticView(d.id().value(), d.caseRef(), d.questionnaireVersion(), d.rulesetVersion(),
                d.consentAt().map(Object::toString).orElse(null), d.takenAt().toString(),
                d.scores().all().stream().map(ScoreView::of).toList(),
                proposal(d.proposal()),
                d.decision().map(DiagnosticView::decision).orElse(null),
                d.answers().asMap());
    }

    private static ProposalView proposal(OrientationDecision p) {
        return new ProposalView(p.primary().name(), p.primary().label(),
                p.reasons().stream().map(r -> new ReasonView(r.rule(), r.text())).toList(),
                p.actions().stream().map(DiagnosticView::action).toList(),
                p.needs().stream().map(DiagnosticView::need).toList(),
                p.mandateSuggestion().map(DiagnosticView::mandate).orElse(null));
    }

    private static ActionView action(ActionProposal a) {
        return new ActionView(a.action().name(), a.action().label(), new ReasonView(a.reason().rule(), a.reason().text()));
    }

    private static NeedView need(DirectoryNeed n) {
        return new NeedView(n.service().label(),
                n.priseEnCharge().stream().sorted().map(PriseEnChargeSpecifique::label).toList(), n.forWhat());
    }

    private static MandateView mandate(MandateSuggestion m) {
        return new MandateView(m.categories().stream().sorted().map(c -> new CodeLabel(c.name(), c.label())).toList(),
                m.duration().name(), m.duration().label(), m.duration().days(),
                new ReasonView(m.reason().rule(), m.reason().text()));
    }

    private static DecisionView decision(WorkerDecision w) {
        Orientation o = w.orientation();
        return new DecisionView(o.name(), o.label(),
                w.actions().stream().sorted(Comparator.naturalOrder())
                        .map(a -> new CodeLabel(a.name(), a.label())).toList(),
                w.overridden(), w.reason(), w.decidedAt().toString());
    }

}
