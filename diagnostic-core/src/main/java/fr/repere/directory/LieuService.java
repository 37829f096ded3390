package fr.repere.directory;

import java.util.Arrays;
import java.util.Optional;

/** The national schema's {@code services} values, verbatim. */
public enum LieuService implements Vocabulary {
    MATERIEL_SOLIDAIRE("Acquisition de matériel informatique à prix solidaire"),
    AIDE_DEMARCHES("Aide aux démarches administratives"),
    OUTILS_QUOTIDIEN("Maîtrise des outils numériques du quotidien"),
    INSERTION_PRO("Insertion professionnelle via le numérique"),
    USAGE_SECURISE("Utilisation sécurisée du numérique"),
    PARENTALITE("Parentalité et éducation avec le numérique"),
    LOISIRS_CREATIONS("Loisirs et créations numériques"),
    COMPREHENSION_MONDE("Compréhension du monde numérique"),
    ACCES_INTERNET_MATERIEL("Accès internet et matériel informatique");

    private final String label;

    LieuService(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<LieuService> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
