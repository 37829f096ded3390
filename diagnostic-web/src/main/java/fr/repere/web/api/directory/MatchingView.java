package fr.repere.web.api.directory;

import fr.repere.directory.FraisACharge;
import fr.repere.directory.ModaliteAcces;
import fr.repere.directory.ModaliteAccompagnement;
import fr.repere.directory.PlaceData;
import fr.repere.directory.PlaceMatching;
import fr.repere.directory.PriseEnChargeSpecifique;

import java.util.List;

/**
 * The places proposed for each need of a diagnostic, nearest first, with why each was chosen; a
 * need no place meets says so ({@code unmet}, {@code message}) and was recorded as unmet.
 */
public record MatchingView(String diagnostic, CommuneView commune, List<NeedView> needs) {

    public record NeedView(String service, String serviceLabel, List<String> priseEnCharge, String forWhat,
                           int total, boolean unmet, String message, List<MatchView> places) {
    }

    /** {@code territoire}: COMMUNE, EPCI or DEPARTEMENT (nearest first); {@code distanceKm} when known. */
    public record MatchView(String id, String nom, String adresse, String complement_adresse, String code_postal,
                            String commune, String telephone, List<String> courriels, String horaires,
                            List<String> modalites_acces, List<String> frais_a_charge,
                            List<String> modalites_accompagnement, List<String> prise_en_charge_specifique,
                            String prise_rdv, String territoire, String territoireLabel, Double distanceKm,
                            List<String> pourquoi) {
    }

    static NeedView of(PlaceMatching.NeedMatches m, fr.repere.territory.Commune person) {
        String message = m.unmet() ? "Aucun lieu du département (" + person.departement().nom() + ") ne propose « "
                + m.need().service().label() + " »" + (m.need().priseEnCharge().isEmpty() ? ""
                : " avec la prise en charge : " + String.join(", ", PlaceView.labels(m.need().priseEnCharge().stream()
                .sorted().toList()))) + ". Le besoin est enregistré comme non couvert." : null;
        return new NeedView(m.need().service().name(), m.need().service().label(),
                m.need().priseEnCharge().stream().sorted().map(PriseEnChargeSpecifique::label).toList(), m.need().forWhat(),
                m.total(), m.unmet(), message, m.places().stream().map(MatchingView::match).toList());
    }

    private static MatchView match(PlaceMatching.Match m) {
        PlaceData p = m.place().data();
        return new MatchView(p.id(), p.nom(), p.adresse(), p.complementAdresse(), p.codePostal(), p.commune(),
                p.telephone(), p.courriels(), p.horaires(), p.modalitesAcces().stream().map(ModaliteAcces::label).toList(),
                p.fraisACharge().stream().map(FraisACharge::label).toList(),
                p.modalitesAccompagnement().stream().map(ModaliteAccompagnement::label).toList(),
                p.priseEnChargeSpecifique().stream().map(PriseEnChargeSpecifique::label).toList(), p.priseRdv(),
                m.proximity().name(), m.proximity().label(), m.distanceKm(), m.why());
    }
}
