package fr.repere.web.api.draft;

import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.DraftChange;
import fr.repere.questionnaire.Questionnaire;

import java.util.List;
import java.util.Map;

/**
 * A draft as the API shows it: the answers so far, the required questions still to ask (in
 * order, after skip logic), and the answers the last change dropped because skip logic now hides
 * them.
 */
public record DraftView(String id, String caseRef, String questionnaireVersion, String consentAt, String startedAt,
                        String updatedAt,
                        Map<String, List<String>> answers, List<String> missing, boolean complete,
                        List<String> dropped) {

    static DraftView of(DraftChange change, Questionnaire questionnaire) {
        Draft d = change.draft();
        List<String> missing = questionnaire.missing(d.answers());
        return new DraftView(d.id().value(), d.caseRef(), d.questionnaireVersion(),
                d.consentAt().map(Object::toString).orElse(null), d.startedAt().toString(),
                d.updatedAt().toString(), d.answers().asMap(), missing, missing.isEmpty(), change.dropped());
    }
}
