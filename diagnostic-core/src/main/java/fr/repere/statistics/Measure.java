package fr.repere.statistics;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Orientation;
import fr.repere.directory.LieuService;
import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.referral.ReferralStatus;
import fr.repere.scoring.Level;
import fr.repere.scoring.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed measures of the department statistics: the code kept in {@code stat_count.measure},
 * French title and definition, and the categories in display order (ordered scales stay in order,
 * so that merging a rare category joins it to its neighbour).
 */
public record Measure(String code, String title, String definition, List<String> categories, List<String> labels) {

    /**
     * The question whose answer is counted as the age band. The statistics' SQL names it too (V14,
     * V22: the triggers keep the answer when it is written), and {@code StatisticsCodesTest} holds
     * both to the questionnaire: a version that renames it fails a test instead of emptying the table.
     */
    public static final String AGE_QUESTION = "CTX_AGE";
    /** The age band of « ne sait pas » and of no answer at all (V15's view counts a missing band so). */
    public static final String AGE_UNKNOWN = "NSP";

    private static final List<Measure> ALL = of(QuestionnaireCatalog.load());

    /** Every measure, the age bands read from the published questionnaires. */
    public static List<Measure> all() {
        return ALL;
    }

    static List<Measure> of(QuestionnaireCatalog questionnaires) {
        List<Measure> all = new ArrayList<>();
        all.add(new Measure("PRIMARY", "Orientation proposée",
                "Nombre de diagnostics selon l'orientation principale proposée par la base de règles.",
                codes(Orientation.values()), Arrays.stream(Orientation.values()).map(Orientation::label).toList()));
        Map<String, String> bands = ageBands(questionnaires);
        all.add(new Measure("AGE", "Tranche d'âge",
                "Nombre de diagnostics selon la tranche d'âge déclarée. Les tranches trop rares sont regroupées avec la voisine.",
                List.copyOf(bands.keySet()), List.copyOf(bands.values())));
        for (Dimension dimension : Dimension.values()) {
            if (dimension.scored()) {
                all.add(new Measure("LEVEL_" + dimension.name(), "Niveau : " + dimension.label(),
                        "Nombre de diagnostics selon le niveau mesuré pour « " + dimension.label() + " ».",
                        codes(Level.values()), Arrays.stream(Level.values()).map(Level::label).toList()));
            }
        }
        all.add(new Measure("FINAL", "Orientation retenue",
                "Nombre de diagnostics décidés selon l'orientation retenue par le travailleur social.",
                codes(Orientation.values()), Arrays.stream(Orientation.values()).map(Orientation::label).toList()));
        all.add(new Measure("OVERRIDE", "Proposition suivie ou modifiée",
                "Nombre de diagnostics décidés où le travailleur social a suivi ou modifié l'orientation proposée.",
                List.of("FOLLOWED", "OVERRIDDEN"), List.of("Proposition suivie", "Proposition modifiée")));
        all.add(new Measure("ACTION", "Actions complémentaires proposées",
                "Nombre d'actions complémentaires proposées (un diagnostic peut en compter plusieurs).",
                codes(ComplementaryAction.values()), Arrays.stream(ComplementaryAction.values()).map(ComplementaryAction::label).toList()));
        all.add(new Measure("UNMET", "Besoins sans lieu sur le territoire",
                "Nombre de besoins pour lesquels aucun lieu du territoire de la personne n'a été trouvé, par service.",
                codes(LieuService.values()), Arrays.stream(LieuService.values()).map(LieuService::label).toList()));
        all.add(new Measure("REFERRAL", "Suite des orientations vers un lieu",
                "Nombre d'orientations vers un lieu selon leur état actuel.",
                codes(ReferralStatus.values()), Arrays.stream(ReferralStatus.values()).map(ReferralStatus::label).toList()));
        for (Dimension dimension : Dimension.values()) {
            if (dimension.scored()) {
                all.add(new Measure("PROGRESS_" + dimension.name(), "Évolution : " + dimension.label(),
                        "Diagnostics d'une personne déjà diagnostiquée : niveau de « " + dimension.label()
                                + " » meilleur, égal ou moins bon qu'au diagnostic précédent de son dossier.",
                        codes(Progress.counted().toArray(Progress[]::new)), Progress.counted().stream().map(Progress::label).toList()));
            }
        }
        return all;
    }

    /**
     * The age bands of every published version, the current one's first and in its order (an older
     * version's band stays readable), « non renseigné » last.
     */
    private static Map<String, String> ageBands(QuestionnaireCatalog questionnaires) {
        Question current = questionnaires.current().question(AGE_QUESTION).orElseThrow(() -> new IllegalStateException(
                "the statistics count the age band of question " + AGE_QUESTION + ", which questionnaire "
                        + questionnaires.current().version() + " does not have"));
        Map<String, String> bands = new LinkedHashMap<>();
        List<Question> versions = new ArrayList<>(List.of(current));
        questionnaires.versions().forEach(q -> q.question(AGE_QUESTION).ifPresent(versions::add));
        for (Question question : versions) {
            for (AnswerOption option : question.options()) {
                if (!option.code().equals(AGE_UNKNOWN)) {
                    bands.putIfAbsent(option.code(), option.label());
                }
            }
        }
        bands.put(AGE_UNKNOWN, "Non renseigné");
        return bands;
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
