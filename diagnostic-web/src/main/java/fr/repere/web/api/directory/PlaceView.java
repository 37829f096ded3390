package fr.repere.web.api.directory;

import fr.repere.directory.PlaceData;
import fr.repere.directory.Typologie;
import fr.repere.directory.Vocabulary;

import java.util.Collection;
import java.util.List;

/**
 * A place as the API shows it: the national schema's fields under their schema names; controlled
 * values as their verbatim labels (what the schema's files hold), typologies with their meaning.
 */
public record PlaceView(String id, String pivot, String nom, String commune, String code_postal, String code_insee,
                        String adresse, String complement_adresse, Double latitude, Double longitude,
                        List<CodeLabel> typologie, String telephone, List<String> courriels, List<String> site_web,
                        String horaires, String presentation_resume, String presentation_detail, String source,
                        List<String> itinerance, String structure_parente, String date_maj, List<String> services,
                        List<String> publics_specifiquement_adresses, List<String> prise_en_charge_specifique,
                        List<String> frais_a_charge, List<String> dispositif_programmes_nationaux,
                        List<String> formations_labels, List<String> autres_formations_labels,
                        List<String> modalites_acces, List<String> modalites_accompagnement, String fiche_acces_libre,
                        String prise_rdv) {

    public record CodeLabel(String code, String label) {
    }

    static PlaceView of(PlaceData p) {
        return new PlaceView(p.id(), p.pivot(), p.nom(), p.commune(), p.codePostal(), p.codeInsee(), p.adresse(),
                p.complementAdresse(), p.latitude(), p.longitude(),
                p.typologie().stream().map(t -> new CodeLabel(t.label(), ((Typologie) t).meaning())).toList(),
                p.telephone(), p.courriels(), p.siteWeb(), p.horaires(), p.presentationResume(), p.presentationDetail(),
                p.source(), labels(p.itinerance()), p.structureParente(), p.dateMaj() == null ? null : p.dateMaj().toString(),
                labels(p.services()), labels(p.publicsSpecifiquementAdresses()), labels(p.priseEnChargeSpecifique()),
                labels(p.fraisACharge()), labels(p.dispositifProgrammesNationaux()), labels(p.formationsLabels()),
                p.autresFormationsLabels(), labels(p.modalitesAcces()), labels(p.modalitesAccompagnement()),
                p.ficheAccesLibre(), p.priseRdv());
    }

    static List<String> labels(Collection<? extends Vocabulary> values) {
        return values.stream().map(Vocabulary::label).toList();
    }
}
