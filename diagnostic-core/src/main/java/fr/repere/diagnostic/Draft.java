package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Questionnaire;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interview in progress: the answers given so far, saved as they come so that nothing is lost
 * when the phone rings or the person has to leave. It keeps the questionnaire version it was
 * started with, and becomes a {@link Diagnostic} of the same id when completed.
 *
 * <p>Invariant: every stored answer is valid for its questionnaire version and applies under
 * skip logic; an answer that a changed parent answer hides is dropped.
 */
@Entity
@Table(name = "diagnostic_draft")
public class Draft {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "case_ref", length = 64)
    private String caseRef;

    @Column(name = "team_id", length = 36)
    private String team;

    @Column(name = "questionnaire_version", length = 16, nullable = false)
    private String questionnaireVersion;

    /** UTC. */
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    /** UTC. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** UTC; when the person, informed, agreed to the interview (null: not recorded). */
    @Column(name = "consent_at")
    private Instant consentAt;

    /** Optimistic lock: two devices saving the same draft at once cannot lose an answer silently. */
    @Version
    @Column(name = "revision", nullable = false)
    private int revision;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "diagnostic_draft_answer", joinColumns = @JoinColumn(name = "draft_id"))
    @OrderColumn(name = "position")
    private List<AnswerLine> answers = new ArrayList<>();

    protected Draft() {
        // for JPA
    }

    public static Draft start(DiagnosticId id, String team, String caseRef, Questionnaire questionnaire, Instant now) {
        Draft d = new Draft();
        d.id = id.value();
        d.team = team;
        d.caseRef = caseRef;
        d.questionnaireVersion = questionnaire.version();
        d.startedAt = utc(now);
        d.updatedAt = d.startedAt;
        return d;
    }

    /** Starts an interview the person agreed to, after hearing the information notice: consent is recorded now. */
    public static Draft startWithConsent(DiagnosticId id, String team, String caseRef, Questionnaire questionnaire,
                                         Instant now) {
        Draft d = start(id, team, caseRef, questionnaire, now);
        d.consentAt = d.startedAt;
        return d;
    }

    /**
     * Records answers: a question mapped to an empty list is cleared. Answers to questions that the
     * new answers hide are dropped and returned; an answer that is itself invalid or hidden
     * rejects the whole change ({@link fr.repere.questionnaire.InvalidAnswersException}).
     */
    public List<String> answer(Questionnaire questionnaire, Map<String, List<String>> given, Instant now) {
        if (!questionnaire.version().equals(questionnaireVersion)) {
            throw new IllegalArgumentException("draft " + id + " uses questionnaire " + questionnaireVersion);
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(answers().asMap());
        given.forEach((question, options) -> {
            if (options.isEmpty()) {
                merged.remove(question);
            } else {
                merged.put(question, options);
            }
        });
        Map<String, List<String>> previous = new LinkedHashMap<>(merged);
        previous.keySet().removeAll(given.keySet());
        List<String> dropped = questionnaire.hiddenAnswers(AnswerSheet.of(merged)).stream()
                .filter(previous::containsKey)
                .toList();
        dropped.forEach(merged::remove);
        AnswerSheet sheet = AnswerSheet.of(merged);
        questionnaire.checkPartial(sheet);
        answers.clear();
        answers.addAll(AnswerLine.linesOf(sheet));
        updatedAt = utc(now);
        return dropped;
    }

    public DiagnosticId id() {
        return new DiagnosticId(id);
    }

    public String caseRef() {
        return caseRef;
    }

    public String team() {
        return team;
    }

    /** Whether the interview is the given team's; a draft of no team is nobody's. */
    public boolean belongsTo(String otherTeam) {
        return team != null && team.equals(otherTeam);
    }

    public String questionnaireVersion() {
        return questionnaireVersion;
    }

    public AnswerSheet answers() {
        return AnswerLine.sheetOf(answers);
    }

    /** When the person agreed, if it was recorded. */
    public java.util.Optional<Instant> consentAt() {
        return java.util.Optional.ofNullable(consentAt);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private static Instant utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
