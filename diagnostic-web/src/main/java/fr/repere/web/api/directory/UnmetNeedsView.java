package fr.repere.web.api.directory;

import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.directory.UnmetNeed;
import fr.repere.territory.Geography;
import fr.repere.territory.Territory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A team's unmet needs: the total, the count per service, and groups by need (service and
 * specific care) and by the person's commune, each with its EPCI and département and the ids of
 * its diagnostics (the drill-down).
 */
public record UnmetNeedsView(int total, List<ServiceCount> byService, List<Group> groups) {

    public record ServiceCount(String service, String serviceLabel, int count) {
    }

    public record Place(String code, String nom) {
    }

    public record Group(String service, String serviceLabel, List<String> priseEnCharge, Place commune, Place epci,
                        Place departement, int count, String firstRecordedAt, String lastRecordedAt,
                        List<String> diagnostics) {
    }

    static Group group(List<UnmetNeed> needs, Geography geography) {
        UnmetNeed first = needs.get(0);
        Territory t = first.territory();
        String communeName = geography.commune(t.commune()).map(fr.repere.territory.Commune::nom).orElse(t.commune());
        Place epci = t.epci() == null ? null
                : new Place(t.epci(), geography.epci(t.epci()).map(fr.repere.territory.Epci::nom).orElse(t.epci()));
        Place departement = new Place(t.departement(),
                geography.departement(t.departement()).map(fr.repere.territory.Departement::nom).orElse(t.departement()));
        List<Instant> times = needs.stream().map(UnmetNeed::recordedAt).sorted(Comparator.naturalOrder()).toList();
        return new Group(first.service().name(), first.service().label(),
                first.priseEnCharge().stream().map(PriseEnChargeSpecifique::label).toList(),
                new Place(t.commune(), communeName), epci, departement, needs.size(), times.get(0).toString(),
                times.get(times.size() - 1).toString(),
                needs.stream().map(UnmetNeed::diagnosticId).filter(Objects::nonNull).distinct().toList());
    }
}
