package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One chosen option, as stored: a multiple-choice answer takes one line per option. */
@Embeddable
public class AnswerLine {

    @Column(name = "question_code", length = 64, nullable = false)
    private String question;

    @Column(name = "option_code", length = 64, nullable = false)
    private String option;

    protected AnswerLine() {
        // for JPA
    }

    private AnswerLine(String question, String option) {
        this.question = question;
        this.option = option;
    }

    static List<AnswerLine> linesOf(AnswerSheet sheet) {
        List<AnswerLine> lines = new ArrayList<>();
        sheet.asMap().forEach((q, options) -> options.forEach(o -> lines.add(new AnswerLine(q, o))));
        return lines;
    }

    static AnswerSheet sheetOf(List<AnswerLine> lines) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        lines.forEach(a -> chosen.computeIfAbsent(a.question, q -> new ArrayList<>()).add(a.option));
        return AnswerSheet.of(chosen);
    }
}
