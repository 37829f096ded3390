package fr.repere.web.api.dossier;

import fr.repere.caf.CafConsultation;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;
import fr.repere.dossier.Dossier;
import fr.repere.identity.Role;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.Mandate;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.referral.Referral;
import fr.repere.web.api.diagnostic.DiagnosticView;
import fr.repere.web.api.mandate.MandateView;
import fr.repere.web.api.referral.ReferralView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything Repère holds on a person's dossier, for the right of access: diagnostics (answers
 * with the questions and options as they were worded, scores, proposal, decision), interviews in
 * progress, what the CAF or the MSA said during its interviews (with the person's consent),
 * referrals to places (with their history), mandates (with their journal), and the journal of who
 * did what on the dossier (role and date, not the agent's identifier).
 */
public record DossierExport(String caseRef, String team, String exportedAt, List<ExportedDiagnostic> diagnostics,
                            List<ExportedDraft> drafts, List<ExportedCafConsultation> cafConsultations,
                            List<ReferralView> referrals, List<MandateView> mandates,
                            List<ExportedJournalEntry> journal) {

    public record ExportedAnswer(String question, String questionLabel, String option, String optionLabel) {
    }

    public record ExportedDiagnostic(String id, String questionnaireVersion, String rulesetVersion, String takenAt,
                                     List<ExportedAnswer> answers, List<DiagnosticView.ScoreView> scores,
                                     DiagnosticView.ProposalView orientation, DiagnosticView.DecisionView decision) {
    }

    public record ExportedDraft(String id, String questionnaireVersion, String startedAt, String updatedAt,
                                List<ExportedAnswer> answers) {
    }

    /** A CAF consultation: when the person agreed, what the CAF or the MSA said, whether the orientation used it. */
    public record ExportedCafConsultation(String interview, String consentedAt, String status, String message, Boolean rsa,
                                          Boolean primeActivite, String completedAt, String inOrientation) {
        static ExportedCafConsultation of(CafConsultation c) {
            return new ExportedCafConsultation(c.interview(), c.consentedAt().toString(), c.status().name(), c.message(),
                    c.rsa().orElse(null), c.primeActivite().orElse(null), c.completedAt().map(Instant::toString).orElse(null),
                    c.inOrientation().map(Enum::name).orElse(null));
        }
    }

    public record ExportedJournalEntry(String at, String action, String actionLabel, String by, boolean allowed,
                                       String detail) {
    }

    static DossierExport of(Dossier dossier, List<CafConsultation> caf, List<Referral> referrals, List<Mandate> mandates,
                            List<JournalEntry> entries, QuestionnaireCatalog catalog, Instant now) {
        return new DossierExport(dossier.ref().caseRef(), dossier.ref().team(), now.toString(),
                dossier.diagnostics().stream().map(d -> diagnostic(d, catalog)).toList(),
                dossier.drafts().stream().map(d -> draft(d, catalog)).toList(),
                caf.stream().map(ExportedCafConsultation::of).toList(),
                referrals.stream().map(r -> ReferralView.of(r).withoutAgents()).toList(),
                mandates.stream().map(m -> MandateView.of(m, now, true).withoutAgents()).toList(),
                entries.stream().map(DossierExport::entry).toList());
    }

    private static ExportedDiagnostic diagnostic(Diagnostic d, QuestionnaireCatalog catalog) {
        DiagnosticView view = DiagnosticView.of(d);
        return new ExportedDiagnostic(view.id(), view.questionnaireVersion(), view.rulesetVersion(), view.takenAt(),
                answers(d.answers(), d.questionnaireVersion(), catalog), view.scores(), view.orientation(), view.decision());
    }

    private static ExportedDraft draft(Draft d, QuestionnaireCatalog catalog) {
        return new ExportedDraft(d.id().value(), d.questionnaireVersion(), d.startedAt().toString(),
                d.updatedAt().toString(), answers(d.answers(), d.questionnaireVersion(), catalog));
    }

    /** Codes and the labels of the diagnostic's own questionnaire version. */
    private static List<ExportedAnswer> answers(AnswerSheet sheet, String version, QuestionnaireCatalog catalog) {
        List<ExportedAnswer> answers = new ArrayList<>();
        sheet.asMap().forEach((questionCode, options) -> {
            Optional<Question> question = catalog.version(version).flatMap(q -> q.question(questionCode));
            options.forEach(option -> answers.add(new ExportedAnswer(questionCode,
                    question.map(Question::label).orElse(null), option,
                    question.flatMap(q -> q.option(option)).map(o -> o.label()).orElse(null))));
        });
        return answers;
    }

    private static ExportedJournalEntry entry(JournalEntry e) {
        String by = e.actorRole() != null ? roleLabel(e.actorRole())
                : "system".equals(e.actor()) ? "Repère (tâche automatique)" : null;
        return new ExportedJournalEntry(e.at().toString(), e.action().name(), e.action().label(), by, e.allowed(),
                e.detail());
    }

    private static String roleLabel(String role) {
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException unknown) {
            return role;
        }
    }
}
