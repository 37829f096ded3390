package fr.repere.territory;

import java.text.Normalizer;
import java.util.Locale;

/** How names are compared leniently (communes, labels of the national vocabularies). */
public final class Names {

    private Names() {
    }

    /** Lower case, no accents, single spaces, plain apostrophes: for lenient comparisons and searches. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[\\s\\-]+", " ");
    }
}
