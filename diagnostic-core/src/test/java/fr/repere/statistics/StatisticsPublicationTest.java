package fr.repere.statistics;

import fr.repere.territory.Geography;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The publication's own logic: measures of the same people protected together
 * ({@code protectByPopulation}), and the path from the summary rows to the protected tables, on
 * small hand-made populations whose outputs are given exactly.
 */
class StatisticsPublicationTest {

    private static final Map<String, String> EPCI_OF = Map.of("59001", "E1", "59002", "E1", "59101", "E2");

    /** A measure of two (or more) categories over three communes (59001 and 59002 in E1, 59101 in E2), everyone in January. */
    private static CountTree tree(String key, long[] c59001, long[] c59002, long[] c59101) {
        Map<String, long[]> communes = new LinkedHashMap<>();
        communes.put("59001", c59001);
        communes.put("59002", c59002);
        communes.put("59101", c59101);
        int k = c59001.length;
        long[][] months = new long[12][k];
        communes.values().forEach(c -> {
            for (int i = 0; i < k; i++) {
                months[0][i] += c[i];
            }
        });
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            codes.add(key.toUpperCase() + i);
        }
        return CountTree.of(key, key, "définition", codes, codes, 2026, months, communes.entrySet().stream()
                .map(e -> new CountTree.CommuneCounts(e.getKey(), e.getKey(), EPCI_OF.get(e.getKey()), EPCI_OF.get(e.getKey()),
                        e.getValue())).toList(), 11);
    }

    /** One line per row, total row last: « code cells... | total », a hidden cell as its marker. */
    private static List<String> lines(PublishedTable table) {
        List<String> out = new ArrayList<>();
        List<PublishedRow> rows = new ArrayList<>(table.rows());
        rows.add(table.total());
        for (PublishedRow row : rows) {
            StringBuilder line = new StringBuilder(row.code());
            row.cells().forEach(c -> line.append(' ').append(text(c)));
            out.add(line.append(" | ").append(text(row.total())).toString());
        }
        return out;
    }

    private static List<String> lines(CountTree tree, Breakdown breakdown) {
        return lines(tree.table(breakdown));
    }

    private static String text(Cell cell) {
        return cell.published() ? String.valueOf(cell.count()) : cell.marker();
    }

    private static void protect(CountTree... trees) {
        StatisticsPublication.protectByPopulation(List.of(trees), new DisclosureControl(11));
    }

    @Test
    void measuresAreGroupedByTheirTotalsInEveryAreaAndPeriodInTheOrderOfTheirFirstMeasure() {
        CountTree p = tree("p", new long[] {11, 0}, new long[] {0, 9}, new long[] {17, 8});
        CountTree q = tree("q", new long[] {4, 7}, new long[] {4, 5}, new long[] {7, 18});
        // the same year (45) but one person in another commune: other people
        CountTree r = tree("r", new long[] {12, 0}, new long[] {0, 8}, new long[] {17, 8});
        CountTree s = tree("s", new long[] {5, 7}, new long[] {3, 5}, new long[] {20, 5});
        CountTree empty = tree("e", new long[] {0, 0}, new long[] {0, 0}, new long[] {0, 0});
        CountTree alsoEmpty = tree("f", new long[] {0, 0, 0}, new long[] {0, 0, 0}, new long[] {0, 0, 0});
        List<List<String>> groups = StatisticsPublication.populations(List.of(r, p, empty, q, s, alsoEmpty)).stream()
                .map(g -> g.stream().map(CountTree::key).toList()).toList();
        assertEquals(List.of(List.of("r", "s"), List.of("p", "q"), List.of("e", "f")), groups);
    }

    /**
     * P hides the totals of both EPCIs to protect its small cells; Q, protected alone, would publish
     * them (20 and 25), and E1's 20 minus P's published 11 gives P's hidden 9 away. Protected as
     * one population, Q hides the same totals.
     */
    @Test
    void aTotalHiddenInOneMeasureIsHiddenInEveryMeasureOfTheSamePeople() {
        CountTree p = tree("p", new long[] {11, 0}, new long[] {0, 9}, new long[] {17, 8});
        CountTree q = tree("q", new long[] {4, 7}, new long[] {4, 5}, new long[] {7, 18});
        protect(p, q);
        assertEquals(List.of("E1 11 s | s", "E2 17 s | s", "TOTAL 28 17 | 45"), lines(p, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("E1 s 12 | s", "E2 s 18 | s", "TOTAL 15 30 | 45"), lines(q, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("59001 11 0 | 11", "59002 0 s | s", "59101 17 s | s", "TOTAL 28 17 | 45"),
                lines(p, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("59001 s s | 11", "59002 s s | s", "59101 s 18 | s", "TOTAL 15 30 | 45"),
                lines(q, Breakdown.COMMUNE_ANNEE));

        CountTree alone = tree("q", new long[] {4, 7}, new long[] {4, 5}, new long[] {7, 18});
        new DisclosureControl(11).protect(alone);
        assertEquals(List.of("E1 s s | 20", "E2 s s | 25", "TOTAL 15 30 | 45"), lines(alone, Breakdown.EPCI_ANNEE),
                "alone, Q publishes the EPCI totals P hides: the grouping is what keeps them hidden");
    }

    @Test
    void measuresOfOtherPeopleAreProtectedOnTheirOwn() {
        CountTree p = tree("p", new long[] {11, 0}, new long[] {0, 9}, new long[] {17, 8});
        CountTree other = tree("q", new long[] {4, 7}, new long[] {4, 5}, new long[] {7, 19});
        protect(p, other);
        assertEquals(List.of("E1 11 s | s", "E2 17 s | s", "TOTAL 28 17 | 45"), lines(p, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("E1 s s | 20", "E2 s s | 26", "TOTAL 15 31 | 46"), lines(other, Breakdown.EPCI_ANNEE));
    }

    @Test
    void aCommuneOfTenPeopleIsHiddenInEveryMeasureOfTheSamePeople() {
        CountTree p = tree("p", new long[] {15, 15}, new long[] {6, 4}, new long[] {12, 12});
        CountTree q = tree("q", new long[] {20, 10}, new long[] {5, 5}, new long[] {4, 20});
        protect(p, q);
        assertEquals(List.of("59001 s s | s", "59002 s s | s", "59101 12 12 | 24", "TOTAL 33 31 | 64"),
                lines(p, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("59001 s s | s", "59002 s s | s", "59101 s s | 24", "TOTAL 29 35 | 64"),
                lines(q, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("E1 21 19 | 40", "E2 12 12 | 24", "TOTAL 33 31 | 64"), lines(p, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("E1 s s | 40", "E2 s s | 24", "TOTAL 29 35 | 64"), lines(q, Breakdown.EPCI_ANNEE));
    }

    @Test
    void aCommuneOfElevenPeopleShowsItsTotalInEveryMeasureOfTheSamePeople() {
        CountTree p = tree("p", new long[] {15, 15}, new long[] {6, 5}, new long[] {12, 12});
        CountTree q = tree("q", new long[] {20, 10}, new long[] {5, 6}, new long[] {4, 20});
        protect(p, q);
        assertEquals(List.of("59001 s s | 30", "59002 s s | 11", "59101 12 12 | 24", "TOTAL 33 32 | 65"),
                lines(p, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("59001 s s | 30", "59002 s s | 11", "59101 s s | 24", "TOTAL 29 36 | 65"),
                lines(q, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("E1 21 20 | 41", "E2 12 12 | 24", "TOTAL 33 32 | 65"), lines(p, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("E1 s s | 41", "E2 s s | 24", "TOTAL 29 36 | 65"), lines(q, Breakdown.EPCI_ANNEE));
    }

    /** Ten people in the year: categories merge into one, and every non-zero cell is hidden, the year included. */
    @Test
    void aYearOfTenPeopleHidesEverythingButTheZeros() {
        CountTree p = tree("p", new long[] {6, 4}, new long[] {0, 0}, new long[] {0, 0});
        CountTree q = tree("q", new long[] {3, 7}, new long[] {0, 0}, new long[] {0, 0});
        protect(p, q);
        assertEquals(List.of("P0+P1"), p.columnCodes());
        assertEquals(List.of("59001 s | s", "59002 0 | 0", "59101 0 | 0", "TOTAL s | s"), lines(p, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("E1 s | s", "E2 0 | 0", "TOTAL s | s"), lines(q, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("2026-T1 s | s", "2026-T2 0 | 0", "2026-T3 0 | 0", "2026-T4 0 | 0", "TOTAL s | s"),
                lines(p, Breakdown.DEPARTEMENT_TRIMESTRE));
    }

    @Test
    void aYearOfElevenPeopleInOnePlaceIsPublished() {
        CountTree p = tree("p", new long[] {6, 5}, new long[] {0, 0}, new long[] {0, 0});
        CountTree q = tree("q", new long[] {3, 8}, new long[] {0, 0}, new long[] {0, 0});
        protect(p, q);
        assertEquals(List.of("59001 11 | 11", "59002 0 | 0", "59101 0 | 0", "TOTAL 11 | 11"), lines(p, Breakdown.COMMUNE_ANNEE));
        assertEquals(List.of("E1 11 | 11", "E2 0 | 0", "TOTAL 11 | 11"), lines(q, Breakdown.EPCI_ANNEE));
        assertEquals(List.of("2026-T1 11 | 11", "2026-T2 0 | 0", "2026-T3 0 | 0", "2026-T4 0 | 0", "TOTAL 11 | 11"),
                lines(p, Breakdown.DEPARTEMENT_TRIMESTRE));
    }

    /** The summaries of a hand-made year: 47 diagnostics in January and March, Lille, Villeneuve-d'Ascq and a commune outside any EPCI. */
    private static List<SummaryRow> aYear() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate mar = LocalDate.of(2026, 3, 1);
        String mel = "200093201";
        return List.of(
                new SummaryRow("D", "59", "", jan, "PRIMARY", "AUTONOMOUS", 20),
                new SummaryRow("D", "59", "", jan, "PRIMARY", "TRAIN", 15),
                new SummaryRow("D", "59", "", mar, "PRIMARY", "MEDIATOR", 12),
                new SummaryRow("C", "59350", mel, jan, "PRIMARY", "AUTONOMOUS", 12),
                new SummaryRow("C", "59350", mel, jan, "PRIMARY", "TRAIN", 10),
                new SummaryRow("C", "59350", mel, jan, "PRIMARY", "MEDIATOR", 6),
                new SummaryRow("C", "59009", mel, jan, "PRIMARY", "AUTONOMOUS", 8),
                new SummaryRow("C", "59009", mel, jan, "PRIMARY", "TRAIN", 5),
                new SummaryRow("C", "59009", mel, jan, "PRIMARY", "MEDIATOR", 4),
                new SummaryRow("C", "59001", "-", jan, "PRIMARY", "MEDIATOR", 2),
                new SummaryRow("D", "59", "", jan, "AGE", "AGE_26_44", 35),
                new SummaryRow("D", "59", "", mar, "AGE", "AGE_45_64", 12),
                new SummaryRow("C", "59350", mel, jan, "AGE", "AGE_26_44", 22),
                new SummaryRow("C", "59350", mel, jan, "AGE", "AGE_45_64", 6),
                new SummaryRow("C", "59009", mel, jan, "AGE", "AGE_26_44", 13),
                new SummaryRow("C", "59009", mel, jan, "AGE", "AGE_45_64", 4),
                new SummaryRow("C", "59001", "-", jan, "AGE", "AGE_45_64", 2),
                new SummaryRow("D", "59", "", jan, "Q_VERSION", "2026-03", 35),
                new SummaryRow("D", "59", "", mar, "Q_VERSION", "2026-01", 12),
                new SummaryRow("C", "59350", mel, jan, "Q_VERSION", "2025-12", 28),
                new SummaryRow("D", "59", "", jan, "R_VERSION", "3", 47),
                new SummaryRow("D", "59", "", mar, "R_VERSION", "2", -1));
    }

    /** The summaries of one organisation, in memory. */
    private static final class InMemorySummaries implements StatisticsSummaries {
        final List<String> asked = new ArrayList<>();

        @Override
        public String organisationOf(String team) {
            return "team-1".equals(team) ? "org-1" : "";
        }

        @Override
        public List<String> departements(String organisation) {
            return "org-1".equals(organisation) ? List.of("59", "62") : List.of();
        }

        @Override
        public List<SummaryRow> rows(String organisation, String departement, int year) {
            asked.add(organisation + " " + departement + " " + year);
            return "59".equals(departement) ? aYear() : List.of();
        }
    }

    private static final Geography GEOGRAPHY = Geography.shipped();

    private static StatisticsPublication publication(InMemorySummaries summaries) {
        return new StatisticsPublication(summaries, GEOGRAPHY, new DisclosureControl(11),
                Clock.fixed(Instant.parse("2026-12-07T23:30:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theOrganisationAndItsDepartementsAreThoseOfTheSummaries() {
        StatisticsPublication statistics = publication(new InMemorySummaries());
        assertEquals("org-1", statistics.organisationOf("team-1"));
        assertEquals("", statistics.organisationOf("team-2"));
        assertEquals(List.of("59", "62"), statistics.departements("org-1"));
    }

    @Test
    void theCommunesOfAYearArePublishedProtectedWithTheirMethodology() {
        InMemorySummaries summaries = new InMemorySummaries();
        Publication publication = publication(summaries).publish("org-1", "59", 2026, Breakdown.COMMUNE_ANNEE);
        assertEquals(List.of("org-1 59 2026"), summaries.asked);
        assertEquals(Measure.all().size(), publication.tables().size());

        PublishedTable primary = publication.tables().get(0);
        assertEquals("primary-commune-annee", primary.key());
        assertEquals(List.of("AUTONOMOUS", "TRAIN", "MEDIATOR"), primary.columnCodes(), "never met in the year: left out");
        assertEquals(List.of("59001 Abancourt", "59009 Villeneuve-d'Ascq", "59350 Lille"),
                primary.rows().stream().map(r -> r.code() + " " + r.label()).toList());
        assertEquals(List.of("59001 0 0 s | s", "59009 s s s | s", "59350 s s s | 28", "TOTAL 20 15 12 | 47"), lines(primary));
        PublishedTable age = publication.tables().get(1);
        assertEquals(List.of("AGE_26_44", "AGE_45_64"), age.columnCodes());
        assertEquals(List.of("59001 0 s | s", "59009 s s | s", "59350 s s | 28", "TOTAL 35 12 | 47"), lines(age));
        PublishedTable level = publication.tables().get(2);
        assertEquals("level-access-commune-annee", level.key());
        assertEquals(List.of("AUTONOMOUS", "SUPPORTED", "FRAGILE", "VERY_FAR", "NOT_ASSESSED"), level.columnCodes(),
                "a measure without any count keeps every category");
        assertEquals(List.of("59001 0 0 0 0 0 | 0", "59009 0 0 0 0 0 | 0", "59350 0 0 0 0 0 | 0", "TOTAL 0 0 0 0 0 | 0"),
                lines(level));

        Methodology methodology = publication.methodology();
        assertEquals("Nord (59)", methodology.territory());
        assertEquals("année 2026 (par commune)", methodology.period());
        assertEquals(11, methodology.threshold());
        assertEquals(List.of("2026-01", "2026-03"), methodology.questionnaireVersions(), "the département's, sorted");
        assertEquals(List.of("3"), methodology.rulesetVersions(), "counted ones only");
        assertEquals(LocalDate.of(2026, 12, 7), methodology.extractedOn());
        assertEquals(16, methodology.hiddenCells());
        assertEquals(StatisticsPublication.definitions(11), methodology.definitions());
    }

    @Test
    void theEpcisOfAYearNameTheCommunesOutsideAnyEpci() {
        Publication publication = publication(new InMemorySummaries()).publish("org-1", "59", 2026, Breakdown.EPCI_ANNEE);
        PublishedTable primary = publication.tables().get(0);
        assertEquals(List.of("- Communes hors EPCI", "200093201 Métropole Européenne de Lille"),
                primary.rows().stream().map(r -> r.code() + " " + r.label()).toList());
        assertEquals(List.of("- 0 0 s | s", "200093201 20 15 s | s", "TOTAL 20 15 12 | 47"), lines(primary));
        assertEquals(8, publication.methodology().hiddenCells());
        assertEquals("année 2026 (par EPCI)", publication.methodology().period());
    }

    @Test
    void theMonthsOfAYearArePublishedWhenNothingIsSmall() {
        Publication publication = publication(new InMemorySummaries()).publish("org-1", "59", 2026, Breakdown.DEPARTEMENT_MOIS);
        List<String> months = lines(publication.tables().get(0));
        assertEquals(13, months.size());
        assertEquals("2026-01 20 15 0 | 35", months.get(0));
        assertEquals("2026-02 0 0 0 | 0", months.get(1));
        assertEquals("2026-03 0 0 12 | 12", months.get(2));
        assertEquals("TOTAL 20 15 12 | 47", months.get(12));
        assertEquals(0, publication.methodology().hiddenCells());
        assertEquals("janvier 2026 à décembre 2026 (par mois)", publication.methodology().period());
    }

    @Test
    void aDepartementUnknownToTheGeographyIsNamedByItsCode() {
        Publication publication = publication(new InMemorySummaries()).publish("org-1", "99", 2026, Breakdown.DEPARTEMENT_ANNEE);
        assertEquals("99", publication.methodology().territory());
        assertEquals(List.of("2026 0 0 0 0 | 0", "TOTAL 0 0 0 0 | 0"), lines(publication.tables().get(0)));
        assertEquals(List.of(), publication.methodology().questionnaireVersions());
    }

    @Test
    void theLegendSaysWhatTheMarkerMeansAndTheGuarantee() {
        assertEquals("Chiffre masqué (secret statistique). La case compte au moins 1 personne, sans dire si elle en compte "
                + "moins de 11 ou plus. Même en combinant tous les chiffres publiés (tous les tableaux et découpages, leurs "
                + "totaux), chaque case masquée reste compatible avec au moins 3 valeurs.", StatisticsPublication.hiddenMarker(11));
    }
}
