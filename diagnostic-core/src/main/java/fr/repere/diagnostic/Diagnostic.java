package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A diagnostic taken with a person: the answers, the score of each dimension and the rule base's
 * proposal (orientation, complementary actions, directory needs, mandate suggestion) with its
 * reasons. It keeps the questionnaire and ruleset versions that produced it, so it reads the same
 * after either changes. Created whole by {@link #record}; answers, scores and proposal never
 * change afterwards. The worker then decides ({@link #decide}): accepting the proposal, or
 * overriding it with a reason; both proposal and decision are kept.
 *
 * <p>Its six collections (answers, scores, reasons, actions, needs, decided actions) are lazy: a
 * list reads them in one statement per collection for all its rows, and a repository hands a
 * diagnostic over with what its callers read already loaded (see {@code fr.repere.infrastructure.DiagnosticLoading}).
 *
 * <p>When its dossier has seen no activity for the retention period, the diagnostic is
 * {@linkplain #anonymize anonymized}: it keeps what statistics need and nothing that points to the
 * person.
 */
@Entity
@Table(name = "diagnostic")
public class Diagnostic {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "case_ref", length = 64)
    private String caseRef;

    /** The team whose dossier it is; only its agents may open it. */
    @Column(name = "team_id", length = 36)
    private String team;

    @Column(name = "questionnaire_version", length = 16, nullable = false)
    private String questionnaireVersion;

    @Column(name = "ruleset_version", length = 32, nullable = false)
    private String rulesetVersion;

    /** UTC. */
    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "primary_orientation", length = 16, nullable = false)
    private Orientation primaryOrientation;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diagnostic_answer", joinColumns = @JoinColumn(name = "diagnostic_id"))
    @OrderColumn(name = "position")
    private List<AnswerLine> answers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diagnostic_score", joinColumns = @JoinColumn(name = "diagnostic_id"))
    private List<ScoreLine> scores = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diagnostic_reason", joinColumns = @JoinColumn(name = "diagnostic_id"))
    @OrderColumn(name = "position")
    private List<ReasonLine> reasons = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diagnostic_action", joinColumns = @JoinColumn(name = "diagnostic_id"))
    @OrderColumn(name = "position")
    private List<ProposalLines.ActionLine> actions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diagnostic_need", joinColumns = @JoinColumn(name = "diagnostic_id"))
    @OrderColumn(name = "position")
    private List<ProposalLines.NeedLine> needs = new ArrayList<>();

    @Embedded
    private ProposalLines.MandateLine mandate;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_orientation", length = 16)
    private Orientation finalOrientation;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diagnostic_final_action", joinColumns = @JoinColumn(name = "diagnostic_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 32, nullable = false)
    private Set<ComplementaryAction> finalActions = EnumSet.noneOf(ComplementaryAction.class);

    @Column(name = "overridden", nullable = false)
    private boolean overridden;

    @Column(name = "override_reason", length = 1000)
    private String overrideReason;

    /** UTC; when the person agreed to the interview, carried on from the draft (null: not recorded). */
    @Column(name = "consent_at")
    private Instant consentAt;

    /** UTC; null until the worker decides. */
    @Column(name = "decided_at")
    private Instant decidedAt;

    /** UTC; set once the dossier is anonymized (retention), after which nothing links it to a person. */
    @Column(name = "anonymized_at")
    private Instant anonymizedAt;

    protected Diagnostic() {
        // for JPA
    }

    public static Diagnostic record(DiagnosticId id, String team, String caseRef, String questionnaireVersion,
                                    AnswerSheet answers,
                                    ScoreCard card, OrientationDecision decision, Instant takenAt) {
        Diagnostic d = new Diagnostic();
        d.id = id.value();
        d.team = team;
        d.caseRef = caseRef;
        d.questionnaireVersion = questionnaireVersion;
        d.rulesetVersion = decision.rulesetVersion();
        d.takenAt = takenAt.truncatedTo(ChronoUnit.MILLIS);
        d.primaryOrientation = decision.primary();
        d.answers.addAll(AnswerLine.linesOf(answers));
        card.all().forEach(s -> d.scores.add(new ScoreLine(s)));
        decision.reasons().forEach(r -> d.reasons.add(new ReasonLine(r)));
        decision.actions().forEach(a -> d.actions.add(new ProposalLines.ActionLine(a)));
        decision.needs().forEach(n -> d.needs.add(new ProposalLines.NeedLine(n)));
        d.mandate = new ProposalLines.MandateLine(decision.mandate());
        return d;
    }

    /**
     * Records the worker's decision. Departing from the proposal (another orientation, an action
     * dropped or added) needs a reason; accepting it does not.
     */
    public WorkerDecision decide(Orientation orientation, Set<ComplementaryAction> chosenActions, String reason,
                                 Instant now) {
        if (isAnonymous()) {
            throw new IllegalStateException("diagnostic " + id + " is anonymous: nobody decides on it any more");
        }
        Set<ComplementaryAction> proposed = EnumSet.noneOf(ComplementaryAction.class);
        actions.forEach(a -> proposed.add(a.action));
        boolean departs = orientation != primaryOrientation || !proposed.equals(Set.copyOf(chosenActions));
        String why = reason == null ? null : reason.strip();
        if (departs && (why == null || why.isEmpty())) {
            throw new OverrideWithoutReasonException();
        }
        finalOrientation = orientation;
        finalActions.clear();
        finalActions.addAll(chosenActions);
        overridden = departs;
        overrideReason = why == null || why.isEmpty() ? null : why;
        decidedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return decision().orElseThrow();
    }

    /**
     * Removes everything that links this diagnostic to a person: the case reference, the answers
     * (they may be sensitive: disability, language, reading) and the free-text override reason
     * (it may name the person); the override flag stays. Dates are kept to the month only, so that
     * they cannot be matched with an appointment in the host software. Kept for statistics: team,
     * versions, scores and levels, the proposal and the decision. Idempotent.
     */
    public void anonymize(Instant now) {
        caseRef = null;
        answers.clear();
        overrideReason = null;
        takenAt = monthOf(takenAt);
        decidedAt = decidedAt == null ? null : monthOf(decidedAt);
        if (anonymizedAt == null) {
            anonymizedAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public boolean isAnonymous() {
        return anonymizedAt != null;
    }

    /** The last thing done on this diagnostic with the person: taken, or decided on. */
    public Instant lastActivity() {
        return decidedAt != null && decidedAt.isAfter(takenAt) ? decidedAt : takenAt;
    }

    private static Instant monthOf(Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** Carries on the consent the person gave when the interview began (once; a diagnostic taken in one go has none). */
    void recordConsent(Instant givenAt) {
        if (consentAt == null && givenAt != null) {
            consentAt = givenAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** When the person agreed to the interview, if it was recorded. */
    public Optional<Instant> consentAt() {
        return Optional.ofNullable(consentAt);
    }

    /** The worker's decision, once made. */
    public Optional<WorkerDecision> decision() {
        return decidedAt == null ? Optional.empty() : Optional.of(new WorkerDecision(finalOrientation, finalActions,
                overridden, overrideReason, decidedAt));
    }

    /** The rule base's proposal, as it was made. */
    public OrientationDecision proposal() {
        return new OrientationDecision(primaryOrientation, reasons(),
                actions.stream().map(ProposalLines.ActionLine::toProposal).toList(),
                needs.stream().map(ProposalLines.NeedLine::toNeed).toList(),
                mandate == null ? null : mandate.toSuggestion(), rulesetVersion);
    }

    public DiagnosticId id() {
        return new DiagnosticId(id);
    }

    public String caseRef() {
        return caseRef;
    }

    /** Whether the dossier is the given team's; a dossier of no team is nobody's. */
    public boolean belongsTo(String otherTeam) {
        return team != null && team.equals(otherTeam);
    }

    public String team() {
        return team;
    }

    public String questionnaireVersion() {
        return questionnaireVersion;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Orientation primaryOrientation() {
        return primaryOrientation;
    }

    public AnswerSheet answers() {
        return AnswerLine.sheetOf(answers);
    }

    public ScoreCard scores() {
        Map<Dimension, DimensionScore> byDimension = new EnumMap<>(Dimension.class);
        scores.forEach(s -> byDimension.put(s.dimension, s.toScore()));
        return new ScoreCard(byDimension, Set.of());
    }

    public List<Reason> reasons() {
        return reasons.stream().map(r -> new Reason(r.rule, r.text)).toList();
    }

    @Embeddable
    static class ScoreLine {
        @Enumerated(EnumType.STRING)
        @Column(name = "dimension", length = 16, nullable = false)
        Dimension dimension;
        @Column(name = "score")
        Integer score;
        @Enumerated(EnumType.STRING)
        @Column(name = "level", length = 16, nullable = false)
        Level level;
        @Column(name = "confidence", nullable = false)
        int confidence;

        protected ScoreLine() {
        }

        ScoreLine(DimensionScore s) {
            this.dimension = s.dimension();
            this.score = s.score();
            this.level = s.level();
            this.confidence = s.confidence();
        }

        DimensionScore toScore() {
            return new DimensionScore(dimension, score, level, confidence);
        }
    }

    @Embeddable
    static class ReasonLine {
        @Column(name = "rule_name", length = 128, nullable = false)
        String rule;
        @Column(name = "text", length = 1000, nullable = false)
        String text;

        protected ReasonLine() {
        }

        ReasonLine(Reason r) {
            this.rule = r.rule();
            this.text = r.text();
        }
    }
}
