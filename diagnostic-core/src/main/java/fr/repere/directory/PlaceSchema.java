package fr.repere.directory;

import java.util.List;
import java.util.Set;

/** The columns of the national "lieux de médiation numérique" schema (v1.0.1), verbatim and in its order. */
public final class PlaceSchema {

    public static final List<String> COLUMNS = List.of("id", "pivot", "nom", "commune", "code_postal", "code_insee",
            "adresse", "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels", "site_web",
            "horaires", "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
            "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
            "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
            "modalites_accompagnement", "fiche_acces_libre", "prise_rdv");

    /** Columns a file must have, and values every line must give. */
    public static final Set<String> REQUIRED = Set.of("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj");

    private PlaceSchema() {
    }
}
