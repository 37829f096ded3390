package fr.repere.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One place as the national schema describes it, checked: every controlled value is in its
 * vocabulary, and {@code codeInsee} is a current commune. Multi-valued free fields (e-mails, web
 * sites, other labels) are lists.
 */
public record PlaceData(String id, String pivot, String nom, String commune, String codePostal, String codeInsee,
                        String adresse, String complementAdresse, Double latitude, Double longitude,
                        Set<Typologie> typologie, String telephone, List<String> courriels, List<String> siteWeb,
                        String horaires, String presentationResume, String presentationDetail, String source,
                        Set<Itinerance> itinerance, String structureParente, LocalDate dateMaj,
                        Set<LieuService> services, Set<PublicSpecifique> publicsSpecifiquementAdresses,
                        Set<PriseEnChargeSpecifique> priseEnChargeSpecifique, Set<FraisACharge> fraisACharge,
                        Set<DispositifProgrammeNational> dispositifProgrammesNationaux,
                        Set<FormationLabel> formationsLabels, List<String> autresFormationsLabels,
                        Set<ModaliteAcces> modalitesAcces, Set<ModaliteAccompagnement> modalitesAccompagnement,
                        String ficheAccesLibre, String priseRdv) {

    public PlaceData {
        courriels = List.copyOf(courriels);
        siteWeb = List.copyOf(siteWeb);
        autresFormationsLabels = List.copyOf(autresFormationsLabels);
    }
}
