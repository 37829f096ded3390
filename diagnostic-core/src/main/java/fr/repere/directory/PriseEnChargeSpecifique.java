package fr.repere.directory;

import java.util.Arrays;
import java.util.Optional;

/** The national schema's {@code prise_en_charge_specifique} values, verbatim. */
public enum PriseEnChargeSpecifique implements Vocabulary {
    SURDITE("Surdité"),
    HANDICAPS_MOTEURS("Handicaps moteurs"),
    HANDICAPS_MENTAUX("Handicaps mentaux"),
    ILLETTRISME("Illettrisme"),
    LANGUES_ANGLAIS("Langues étrangères (anglais)"),
    LANGUES_AUTRES("Langues étrangères (autres)"),
    DEFICIENCE_VISUELLE("Déficience visuelle");

    private final String label;

    PriseEnChargeSpecifique(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<PriseEnChargeSpecifique> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
