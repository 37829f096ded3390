package fr.repere.statistics;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Orientation;
import fr.repere.directory.LieuService;
import fr.repere.questionnaire.Dimension;
import fr.repere.referral.ReferralStatus;
import fr.repere.scoring.Level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed measures of the department statistics: the code kept in {@code stat_count.measure},
 * French title and definition, and the categories in display order (ordered scales stay in order,
 * so that merging a rare category joins it to its neighbour).
 */
public record Measure(String code, String title, String definition, List<String> categories, List<String> labels) {

    public static List<Measure> all() {
        List<Measure> all = new ArrayList<>();
        all.add(new Measure("PRIMARY", "Orientation proposée",
                "Nombre de diagnostics selon l'orientation principale proposée par la base de règles.",
                codes(Orientation.values()), Arrays.stream(Orientation.values()).map(Orientation::label).toList()));
        all.add(new Measure("AGE", "Tranche d'âge",
                "Nombre de diagnostics selon la tranche d'âge déclarée. Les tranches trop rares sont regroupées avec la voisine.",
                List.of("AGE_16_25", "AGE_26_44", "AGE_45_64", "AGE_65_79", "AGE_80_PLUS", "NSP"),
                List.of("16 à 25 ans", "26 à 44 ans", "45 à 64 ans", "65 à 79 ans", "80 ans et plus", "Non renseigné")));
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
                        List.of("BETTER", "SAME", "WORSE"), List.of("En progrès", "Stable", "En recul")));
            }
        }
        return all;
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
