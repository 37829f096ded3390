package fr.repere.diagnostic;

import java.util.List;

/** A draft after a change, and the answers that skip logic dropped because of it. */
public record DraftChange(Draft draft, List<String> dropped) {

    public DraftChange {
        dropped = List.copyOf(dropped);
    }
}
