package fr.repere.statistics;

import java.util.List;

/** Everything one export contains: its methodology and its tables, all past disclosure control. */
public record Publication(Methodology methodology, List<PublishedTable> tables) {

    public Publication {
        tables = List.copyOf(tables);
    }
}
