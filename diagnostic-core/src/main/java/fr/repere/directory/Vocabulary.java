package fr.repere.directory;

import fr.repere.territory.Names;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A value of one of the national schema's controlled vocabularies: its {@link #label()} is written
 * verbatim in files; the enum constant is its stable code in Repère.
 */
public interface Vocabulary {

    String label();

    /** The value written exactly so (surrounding spaces and the typographic apostrophe aside). */
    static <E extends Enum<E> & Vocabulary> Optional<E> fromLabel(Class<E> type, String label) {
        String wanted = label.strip().replace('’', '\'');
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.label().replace('’', '\'').equals(wanted)).findFirst();
    }

    /** A value that differs only by case or accents, to suggest it ("Vouliez-vous dire …"). */
    static <E extends Enum<E> & Vocabulary> Optional<E> closest(Class<E> type, String label) {
        String wanted = Names.fold(label);
        return Arrays.stream(type.getEnumConstants()).filter(v -> Names.fold(v.label()).equals(wanted)).findFirst();
    }

    /** Codes of a set, in declaration order, joined by {@code |}: how places store them. */
    static <E extends Enum<E>> String codes(Set<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining("|"));
    }

    /** The set stored by {@link #codes}. */
    static <E extends Enum<E>> Set<E> ofCodes(Class<E> type, String codes) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (codes != null && !codes.isEmpty()) {
            Arrays.stream(codes.split("\\|")).forEach(c -> set.add(Enum.valueOf(type, c)));
        }
        return set;
    }
}
