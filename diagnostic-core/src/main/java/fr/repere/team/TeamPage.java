package fr.repere.team;

import java.util.List;

/** One page of dossiers: at most {@code limit} items from {@code offset}; {@code more} if others follow. */
public record TeamPage<T>(List<T> items, int offset, int limit, boolean more) {
}
