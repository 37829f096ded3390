package fr.repere.directory;

import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.diagnostic.Orientation;
import fr.repere.territory.Commune;
import fr.repere.territory.Territory;
import fr.repere.territory.Territory.Proximity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks the places that can meet a need of a person living in a commune. A place qualifies when it
 * receives the public, offers the needed service and every needed specific care (illiteracy,
 * languages, disabilities), and is in the person's département or EPCI. Order: nearest territory
 * first (same commune, then same EPCI, then same département); then the cheapest (free, free
 * under conditions, not said, paying); then the places offering a suitable way of being
 * accompanied; then the distance when both points are known; then the name.
 */
public final class PlaceMatching {

    private final Commune person;
    private final Point from;
    private final Set<ModaliteAccompagnement> suitable;

    /** A point in decimal degrees. */
    public record Point(double latitude, double longitude) {
        /** Great-circle distance in kilometres. */
        public double kmTo(Point other) {
            double dLat = Math.toRadians(other.latitude - latitude);
            double dLon = Math.toRadians(other.longitude - longitude);
            double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                    * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
        }
    }

    /** A place that meets the need, how near it is, and why it was chosen (in French). */
    public record Match(Place place, Proximity proximity, Double distanceKm, List<String> why) {
    }

    /** The ranked places for one need; none means the need is unmet in the person's territory. */
    public record NeedMatches(DirectoryNeed need, List<Match> places, int total) {
        public boolean unmet() {
            return total == 0;
        }
    }

    /**
     * @param person the person's commune
     * @param from   where the person starts from, if known (else distances are not computed)
     * @param suitable ways of being accompanied that suit the person (empty: any)
     */
    public PlaceMatching(Commune person, Point from, Set<ModaliteAccompagnement> suitable) {
        this.person = person;
        this.from = from;
        this.suitable = suitable.isEmpty() ? EnumSet.noneOf(ModaliteAccompagnement.class) : EnumSet.copyOf(suitable);
    }

    /** Ways of being accompanied that suit an orientation (the final one if the worker decided). */
    public static Set<ModaliteAccompagnement> suitableFor(Orientation orientation) {
        return switch (orientation) {
            case AUTONOMOUS -> EnumSet.of(ModaliteAccompagnement.EN_AUTONOMIE, ModaliteAccompagnement.ATELIER_COLLECTIF);
            case TRAIN -> EnumSet.of(ModaliteAccompagnement.ATELIER_COLLECTIF, ModaliteAccompagnement.INDIVIDUEL);
            case MEDIATOR, ON_BEHALF -> EnumSet.of(ModaliteAccompagnement.INDIVIDUEL);
        };
    }

    /**
     * A centre for the person's commune when nothing better is known: the mean of the known
     * points of the directory's places in that commune; null when it has none.
     */
    public static Point centreOf(Commune commune, Collection<Place> places) {
        List<Place> located = places.stream().filter(p -> p.territory().commune().equals(commune.code())
                && p.latitude() != null && p.longitude() != null).toList();
        if (located.isEmpty()) {
            return null;
        }
        return new Point(located.stream().mapToDouble(Place::latitude).average().orElseThrow(),
                located.stream().mapToDouble(Place::longitude).average().orElseThrow());
    }

    public NeedMatches rank(DirectoryNeed need, Collection<Place> candidates, int limit) {
        Territory here = person.territory();
        List<Match> matches = new ArrayList<>();
        for (Place place : candidates) {
            Proximity proximity = here.proximityOf(place.territory());
            if (proximity == Proximity.ELSEWHERE || !place.receivesPublic() || !place.offers(need.service())
                    || !place.handles(need.priseEnCharge())) {
                continue;
            }
            Double km = from == null || place.latitude() == null || place.longitude() == null ? null
                    : Math.round(from.kmTo(new Point(place.latitude(), place.longitude())) * 10) / 10.0;
            matches.add(new Match(place, proximity, km, why(need, place, proximity, km)));
        }
        matches.sort(Comparator.comparing(Match::proximity)
                .thenComparingInt(m -> feeRank(m.place().fraisACharge()))
                .thenComparingInt(m -> suitabilityRank(m.place().modalitesAccompagnement()))
                .thenComparing(Match::distanceKm, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(m -> m.place().nom(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(m -> m.place().id()));
        return new NeedMatches(need, List.copyOf(matches.subList(0, Math.min(limit, matches.size()))), matches.size());
    }

    static int feeRank(Set<FraisACharge> frais) {
        if (frais.contains(FraisACharge.GRATUIT)) {
            return 0;
        }
        if (frais.contains(FraisACharge.GRATUIT_SOUS_CONDITION)) {
            return 1;
        }
        return frais.isEmpty() ? 2 : 3;
    }

    private int suitabilityRank(Set<ModaliteAccompagnement> offered) {
        if (suitable.isEmpty() || offered.stream().anyMatch(suitable::contains)) {
            return 0;
        }
        return offered.isEmpty() ? 1 : 2;
    }

    private List<String> why(DirectoryNeed need, Place place, Proximity proximity, Double km) {
        List<String> why = new ArrayList<>();
        why.add("Propose « " + need.service().label() + " »");
        if (!need.priseEnCharge().isEmpty()) {
            why.add("Prise en charge spécifique : " + need.priseEnCharge().stream().sorted()
                    .map(PriseEnChargeSpecifique::label).collect(Collectors.joining(", ")));
        }
        why.add(switch (proximity) {
            case COMMUNE -> proximity.label() + " (" + person.nom() + ")";
            case EPCI -> proximity.label() + " (" + person.epci().nom() + ")";
            default -> proximity.label() + " (" + person.departement().nom() + ")";
        });
        Set<FraisACharge> frais = place.fraisACharge();
        why.add(frais.isEmpty() ? "Frais non précisés"
                : frais.stream().map(FraisACharge::label).collect(Collectors.joining(", ")));
        List<String> fitting = place.modalitesAccompagnement().stream().filter(suitable::contains)
                .map(ModaliteAccompagnement::label).toList();
        if (!fitting.isEmpty()) {
            why.add("Accompagnement adapté : " + String.join(", ", fitting));
        }
        if (km != null) {
            why.add(String.format(Locale.FRANCE, "À %.1f km", km));
        }
        return List.copyOf(why);
    }
}
