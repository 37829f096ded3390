package fr.repere.statistics;

import java.util.List;

/** One line of a published table: a category (e.g. a commune, a month), its cells and its total. */
public record PublishedRow(String code, String label, List<Cell> cells, Cell total) {

    public PublishedRow {
        cells = List.copyOf(cells);
    }
}
