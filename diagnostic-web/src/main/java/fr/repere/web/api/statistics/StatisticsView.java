package fr.repere.web.api.statistics;

import fr.repere.statistics.Cell;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import fr.repere.statistics.StatisticsPublication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publication as JSON for the dashboard: a published count is a number, a hidden one the text
 * « s » (never the count, nor why it is hidden), explained by {@code legende}.
 */
public record StatisticsView(String departement, String departementCode, int annee, String territoire, String periode,
                             int seuil, Map<String, String> legende, Methodologie methodologie, List<Tableau> tableaux,
                             List<String> departements) {

    public record Methodologie(String territoire, String periode, List<String> versionsQuestionnaire,
                               List<String> versionsRegles, String extraitLe, List<String> definitions) {
    }

    public record Colonne(String code, String libelle) {
    }

    public record Ligne(String code, String libelle, List<Object> valeurs, Object total) {
    }

    public record Tableau(String cle, String titre, String definition, String enTeteLignes, List<Colonne> colonnes,
                          List<Ligne> lignes, Ligne total) {
    }

    static StatisticsView of(Publication publication, String departementCode, int year, String territory, String period,
                             List<String> departements) {
        int threshold = publication.methodology().threshold();
        Map<String, String> legend = new LinkedHashMap<>();
        legend.put(Cell.MARKER, StatisticsPublication.hiddenMarker(threshold));
        var m = publication.methodology();
        List<Tableau> tables = new ArrayList<>();
        for (PublishedTable t : publication.tables()) {
            List<Colonne> columns = new ArrayList<>();
            for (int i = 0; i < t.columnCodes().size(); i++) {
                columns.add(new Colonne(t.columnCodes().get(i), t.columnLabels().get(i)));
            }
            tables.add(new Tableau(t.key(), t.title(), t.definition(), t.rowTitle(), columns,
                    t.rows().stream().map(r -> line(r, threshold)).toList(), line(t.total(), threshold)));
        }
        return new StatisticsView(m.territory(), departementCode, year, territory, period, threshold, legend,
                new Methodologie(m.territory(), m.period(), m.questionnaireVersions(), m.rulesetVersions(), m.extractedOn().toString(),
                        m.definitions()), tables, departements);
    }

    private static Ligne line(PublishedRow row, int threshold) {
        return new Ligne(row.code(), row.label(), row.cells().stream().map(c -> value(c, threshold)).toList(), value(row.total(), threshold));
    }

    static Object value(Cell cell, int threshold) {
        return cell.published() ? cell.count() : cell.marker();
    }
}
