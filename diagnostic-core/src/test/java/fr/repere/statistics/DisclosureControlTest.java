package fr.repere.statistics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisclosureControlTest {

    /** A synthetic population: each person has a month, a commune and a category in each measure. */
    record Population(int[] month, int[] commune, int[][] category, List<String> communes, Map<String, String> epciOf,
            int[] categories) {

        static Population random(Random random, int people, int measures) {
            return random(random, people, measures, 4);
        }

        /** With up to {@code communesPerEpci} communes in each of 2 to 4 EPCIs (many near-empty when people are few). */
        static Population random(Random random, int people, int measures, int communesPerEpci) {
            int epcis = 2 + random.nextInt(3);
            List<String> communes = new ArrayList<>();
            Map<String, String> epciOf = new LinkedHashMap<>();
            for (int e = 0; e < epcis; e++) {
                int size = 1 + random.nextInt(communesPerEpci);
                for (int k = 0; k < size; k++) {
                    String code = String.format("59%d%02d", e, k);
                    communes.add(code);
                    epciOf.put(code, "2459000" + e + "0");
                }
            }
            int[] categories = new int[measures];
            int[][] category = new int[measures][people];
            int[] month = new int[people];
            int[] commune = new int[people];
            for (int p = 0; p < people; p++) {
                month[p] = skewed(random, 12);
                commune[p] = skewed(random, communes.size());
            }
            for (int m = 0; m < measures; m++) {
                categories[m] = 2 + random.nextInt(4);
                for (int p = 0; p < people; p++) {
                    category[m][p] = skewed(random, categories[m]);
                }
            }
            return new Population(month, commune, category, communes, epciOf, categories);
        }

        /** Small values are the point: some categories, months and communes are rare. */
        private static int skewed(Random random, int n) {
            double x = random.nextDouble();
            return Math.min(n - 1, (int) (n * x * x));
        }

        CountTree tree(int m, int threshold) {
            long[][] months = new long[12][categories[m]];
            Map<String, long[]> byCommune = new LinkedHashMap<>();
            communes.forEach(c -> byCommune.put(c, new long[categories[m]]));
            for (int p = 0; p < month.length; p++) {
                months[month[p]][category[m][p]]++;
                byCommune.get(communes.get(commune[p]))[category[m][p]]++;
            }
            List<CountTree.CommuneCounts> leaves = byCommune.entrySet().stream()
                    .map(e -> new CountTree.CommuneCounts(e.getKey(), "Commune " + e.getKey(), epciOf.get(e.getKey()),
                            "EPCI " + epciOf.get(e.getKey()), e.getValue()))
                    .toList();
            List<String> codes = IntStream.range(0, categories[m]).mapToObj(i -> "C" + i).toList();
            return CountTree.of("mesure-" + m, "Mesure " + m, "définition", codes, codes, 2026, months, leaves, threshold);
        }
    }

    private static Map<Breakdown, PublishedTable> outputs(CountTree tree) {
        Map<Breakdown, PublishedTable> outputs = new EnumMap<>(Breakdown.class);
        for (Breakdown b : Breakdown.values()) {
            outputs.put(b, tree.table(b));
        }
        return outputs;
    }

    @Test
    void countsBelowTheThresholdAreHiddenAndNothingElseShowsBetweenOneAndTheThreshold() {
        Random random = new Random(1);
        for (int i = 0; i < 30; i++) {
            Population population = Population.random(random, 50 + random.nextInt(300), 1);
            CountTree tree = population.tree(0, 11);
            new DisclosureControl(11).protect(tree);
            for (PublishedTable table : outputs(tree).values()) {
                List<PublishedRow> rows = new ArrayList<>(table.rows());
                rows.add(table.total());
                for (PublishedRow row : rows) {
                    List<Cell> cells = new ArrayList<>(row.cells());
                    cells.add(row.total());
                    for (Cell cell : cells) {
                        assertFalse(cell.published() && cell.count() > 0 && cell.count() < 11, table.key() + " " + row.code());
                    }
                }
            }
        }
    }

    @Test
    void aSmallCellIsHiddenAsPrimaryAndItsRowAndColumnGetASecondHiddenCell() {
        long[][] months = new long[12][2];
        months[0] = new long[] {40, 3};
        months[1] = new long[] {30, 20};
        months[2] = new long[] {25, 22};
        for (int m = 3; m < 12; m++) {
            months[m] = new long[] {15, 12};
        }
        long[] all = {40 + 30 + 25 + 9 * 15, 3 + 20 + 22 + 9 * 12};
        CountTree tree = CountTree.of("t", "T", "d", List.of("A", "B"), List.of("A", "B"), 2026, months,
                List.of(new CountTree.CommuneCounts("59001", "Lille", "245900410", "MEL", all)), 11);
        new DisclosureControl(11).protect(tree);
        PublishedTable byMonth = tree.table(Breakdown.DEPARTEMENT_MOIS);
        assertEquals(Cell.Suppression.PRIMARY, byMonth.rows().get(0).cells().get(1).suppression());
        assertFalse(byMonth.rows().get(0).cells().get(0).published(), "January's other category, or the year recomputes it");
        long hiddenInFebruaryOrMarch = byMonth.rows().subList(1, 3).stream().filter(r -> !r.cells().get(1).published()).count();
        assertTrue(hiddenInFebruaryOrMarch >= 1, "the quarter recomputes January otherwise");
        assertTrue(byMonth.total().total().published(), "the year is published");
    }

    @Test
    void thresholdsBelowThreeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DisclosureControl(2));
        assertEquals(3, new DisclosureControl(3).threshold());
    }

    @Test
    void rareCategoriesAreMergedWithTheirSmallerNeighbour() {
        // age bands: 16-25 (4 people in the year) goes with 26-44; 80+ (2) with 65-79
        int[] groups = CountTree.mergeRare(new long[] {4, 50, 60, 30, 2, 0}, 11);
        assertEquals(List.of(0, 0, 1, 2, 2, 3), IntStream.of(groups).boxed().toList());
        long[][] months = new long[12][3];
        months[0] = new long[] {3, 40, 30};
        CountTree tree = CountTree.of("age", "Âge", "d", List.of("A1", "A2", "A3"), List.of("16-25 ans", "26-44 ans", "45-64 ans"),
                2026, months, List.of(new CountTree.CommuneCounts("59001", "Lille", "E", "MEL", new long[] {3, 40, 30})), 11);
        assertEquals(List.of("A1+A2", "A3"), tree.columnCodes());
        assertEquals("16-25 ans ou 26-44 ans", tree.table(Breakdown.DEPARTEMENT_ANNEE).columnLabels().get(0));
    }

    /** The auditor's property: over many random populations, no hidden cell has only one possible value. */
    @ParameterizedTest
    @ValueSource(ints = {3, 5, 11})
    void noHiddenCellOfAnyOutputCanBeRecomputedFromAllTheOthers(int threshold) {
        Random random = new Random(threshold);
        int audited = 0;
        for (int i = 0; i < 40; i++) {
            Population population = Population.random(random, 30 + random.nextInt(250), 1);
            CountTree tree = population.tree(0, threshold);
            new DisclosureControl(threshold).protect(tree);
            audited += audit(List.of(outputs(tree)), population.epciOf(), threshold);
        }
        assertTrue(audited > 50, "the random populations must produce hidden cells: " + audited);
    }

    @Test
    void measuresOfTheSamePeopleAreProtectedTogether() {
        Random random = new Random(7);
        int audited = 0;
        for (int i = 0; i < 20; i++) {
            Population population = Population.random(random, 40 + random.nextInt(200), 2);
            CountTree first = population.tree(0, 5);
            CountTree second = population.tree(1, 5);
            new DisclosureControl(5).protect(List.of(first, second));
            audited += audit(List.of(outputs(first), outputs(second)), population.epciOf(), 5);
        }
        assertTrue(audited > 20, "hidden cells audited: " + audited);
    }

    /**
     * The simple attacks of the issue, on the published tables alone: a year minus its quarters or
     * months, a département minus its EPCIs or communes, an EPCI minus its communes.
     */
    @Test
    void subtractingTwoAllowedOutputsNeverRecoversAHiddenCell() {
        Random random = new Random(42);
        int attempts = 0;
        for (int i = 0; i < 40; i++) {
            Population population = Population.random(random, 30 + random.nextInt(250), 1);
            CountTree tree = population.tree(0, 11);
            new DisclosureControl(11).protect(tree);
            Map<Breakdown, PublishedTable> out = outputs(tree);
            PublishedRow year = out.get(Breakdown.DEPARTEMENT_ANNEE).rows().get(0);
            attempts += subtract(year, out.get(Breakdown.DEPARTEMENT_TRIMESTRE).rows());
            attempts += subtract(year, out.get(Breakdown.DEPARTEMENT_MOIS).rows());
            attempts += subtract(year, out.get(Breakdown.EPCI_ANNEE).rows());
            attempts += subtract(year, out.get(Breakdown.COMMUNE_ANNEE).rows());
            List<PublishedRow> months = out.get(Breakdown.DEPARTEMENT_MOIS).rows();
            for (int q = 0; q < 4; q++) {
                attempts += subtract(out.get(Breakdown.DEPARTEMENT_TRIMESTRE).rows().get(q), months.subList(3 * q, 3 * q + 3));
            }
            for (PublishedRow epci : out.get(Breakdown.EPCI_ANNEE).rows()) {
                attempts += subtract(epci, out.get(Breakdown.COMMUNE_ANNEE).rows().stream()
                        .filter(c -> population.epciOf().get(c.code()).equals(epci.code())).toList());
            }
        }
        assertTrue(attempts > 20, "attacks tried on hidden cells: " + attempts);
    }

    /** Whole minus the published parts: if exactly one part is hidden, it would be recovered. Returns how many tries met a hidden part. */
    private static int subtract(PublishedRow whole, List<PublishedRow> parts) {
        int tried = 0;
        for (int c = 0; c <= whole.cells().size(); c++) {
            int column = c;
            Cell total = c < whole.cells().size() ? whole.cells().get(c) : whole.total();
            List<Cell> cells = parts.stream().map(p -> column < p.cells().size() ? p.cells().get(column) : p.total()).toList();
            long hidden = cells.stream().filter(x -> !x.published()).count();
            if (hidden > 0) {
                tried++;
                assertFalse(total.published() && hidden == 1, "recovered by subtraction: " + whole.code() + " column " + c);
            }
        }
        return tried;
    }

    /** The auditor is not blind: with primary suppression alone, it recomputes hidden cells. */
    @Test
    void theAuditorRecomputesCellsThatOnlyPrimarySuppressionHides() {
        Random random = new Random(5);
        Population population = Population.random(random, 200, 1);
        CountTree tree = population.tree(0, 11);
        new DisclosureControl(11).protect(tree);
        for (CountTree.Node node : tree.nodes()) {
            for (int c = 0; c < tree.width(); c++) {
                if (node.marks[c] == Cell.Suppression.SECONDARY) {
                    node.marks[c] = Cell.Suppression.NONE;
                }
            }
        }
        List<Auditor.Interval> intervals = new Auditor(List.of(outputs(tree)), population.epciOf()).intervals();
        assertTrue(intervals.stream().anyMatch(i -> i.width() < 1e-6), "some cell must be recomputable: " + intervals);
    }

    /**
     * Audits every hidden cell against everything published and what the markers say: the integer
     * bounds must be exact (reached by integer tables) and hold at least three values.
     */
    private static int audit(List<Map<Breakdown, PublishedTable>> outputs, Map<String, String> epciOf, int threshold) {
        Auditor auditor = new Auditor(outputs, epciOf, documentedBounds(threshold));
        List<Auditor.Interval> intervals = auditor.intervals();
        for (Auditor.Interval interval : intervals) {
            assertTrue(interval.integral(), "the auditor's bounds are not reached by integer tables: " + interval);
            assertTrue(interval.integers() >= DisclosureControl.MINIMUM_POSSIBLE_VALUES, "narrowed down: " + interval);
        }
        return intervals.size();
    }

    /**
     * What the legend says a hidden cell's marker implies, as an attacker reads it: every hidden
     * cell is at least 1 (zeros are published as 0); a marker of its own for small counts
     * (« < 11 ») means 1 to 10, and then any other marker means at least 11, since every count from
     * 1 to 10 carries the small one. Read from the markers the publication shows, not from how the
     * cells were chosen.
     */
    static Function<Cell, Auditor.Range> documentedBounds(int threshold) {
        boolean smallHaveTheirOwn = !Cell.suppressed(Cell.Suppression.PRIMARY).marker()
                .equals(Cell.suppressed(Cell.Suppression.SECONDARY).marker());
        return cell -> cell.marker().startsWith("<") ? new Auditor.Range(1, threshold - 1)
                : new Auditor.Range(smallHaveTheirOwn ? threshold : 1, Auditor.Range.INFINITE);
    }

    /** Hundreds of small populations over many communes: most communes near-empty, most cells hidden. */
    @Test
    void everyHiddenCellOfNearEmptyCommunesKeepsAtLeastThreePossibleValues() {
        Random random = new Random(14);
        int audited = 0;
        for (int i = 0; i < 200; i++) {
            Population population = Population.random(random, 15 + random.nextInt(140), 1, 7);
            CountTree tree = population.tree(0, 11);
            new DisclosureControl(11).protect(tree);
            audited += audit(List.of(outputs(tree)), population.epciOf(), 11);
        }
        assertTrue(audited > 2000, "hidden cells audited: " + audited);
    }

    /** A year of fewer people than the threshold: everything non-zero is hidden, and can only be bounded from below. */
    @Test
    void aYearOfFewerPeopleThanTheThresholdLeavesEveryHiddenCellUnbounded() {
        Random random = new Random(10);
        int audited = 0;
        for (int i = 0; i < 20; i++) {
            Population population = Population.random(random, 1 + random.nextInt(10), 1, 5);
            CountTree tree = population.tree(0, 11);
            new DisclosureControl(11).protect(tree);
            Auditor auditor = new Auditor(List.of(outputs(tree)), population.epciOf(), documentedBounds(11));
            for (Auditor.Interval interval : auditor.intervals()) {
                assertEquals(Double.POSITIVE_INFINITY, interval.max(), interval.toString());
                audited++;
            }
        }
        assertTrue(audited > 100, "hidden cells audited: " + audited);
    }

    /** Two measures of the same people (their totals tie them) over near-empty communes, at the default threshold. */
    @Test
    void measuresOfTheSamePeopleOverNearEmptyCommunesKeepAtLeastThreePossibleValues() {
        Random random = new Random(1411);
        int audited = 0;
        for (int i = 0; i < 50; i++) {
            Population population = Population.random(random, 20 + random.nextInt(120), 2, 6);
            CountTree first = population.tree(0, 11);
            CountTree second = population.tree(1, 11);
            new DisclosureControl(11).protect(List.of(first, second));
            audited += audit(List.of(outputs(first), outputs(second)), population.epciOf(), 11);
        }
        assertTrue(audited > 1000, "hidden cells audited: " + audited);
    }

    /**
     * The row of the issue: commune 59001 published « 22 | 12 | < 11 | s | 24 », total 70, and the
     * markers (1 to 10, at least 11) forced the hidden cells to exactly 1 and 11. Same population:
     * the row is published with the same figures, and every hidden cell keeps three values or more.
     */
    @Test
    void theRowThatGaveAwayItsTwoHiddenCellsNowLeavesEachOfThemThreeValuesOrMore() {
        Map<String, long[]> communes = new LinkedHashMap<>();
        communes.put("59001", new long[] {22, 12, 1, 11, 24});
        communes.put("59002", new long[] {30, 30, 2, 3, 30});
        communes.put("59101", new long[] {20, 20, 20, 20, 20});
        Map<String, String> epciOf = Map.of("59001", "E1", "59002", "E1", "59101", "E2");
        long[][] months = new long[12][5];
        communes.values().forEach(c -> {
            for (int k = 0; k < 5; k++) {
                months[0][k] += c[k];
            }
        });
        CountTree tree = CountTree.of("t", "T", "d", List.of("A", "B", "C", "D", "E"), List.of("A", "B", "C", "D", "E"), 2026,
                months, communes.entrySet().stream().map(e -> new CountTree.CommuneCounts(e.getKey(), e.getKey(),
                        epciOf.get(e.getKey()), epciOf.get(e.getKey()), e.getValue())).toList(), 11);
        new DisclosureControl(11).protect(tree);
        PublishedRow row = tree.table(Breakdown.COMMUNE_ANNEE).rows().get(0);
        assertEquals("59001", row.code());
        assertEquals(Arrays.asList(22L, 12L, null, null, 24L), row.cells().stream().map(Cell::count).toList());
        assertEquals(70L, row.total().count());

        Map<String, String> geography = new java.util.TreeMap<>(epciOf);
        List<Auditor.Interval> intervals = new Auditor(List.of(outputs(tree)), geography, documentedBounds(11)).intervals();
        List<Auditor.Interval> ofTheRow = intervals.stream().filter(i -> i.where().contains(" 59001 ")).toList();
        assertEquals(2, ofTheRow.size(), intervals.toString());
        for (Auditor.Interval interval : intervals) {
            assertTrue(interval.integral(), interval.toString());
            assertTrue(interval.integers() >= 3, "narrowed down: " + interval);
        }
        // from the row alone: two cells of at least 1 adding up to 12, each between 1 and 11
        assertEquals(1.0, ofTheRow.get(0).min(), 1e-9);
        assertEquals(11.0, ofTheRow.get(0).max(), 1e-9);
        assertEquals(1.0, ofTheRow.get(1).min(), 1e-9);
        assertEquals(11.0, ofTheRow.get(1).max(), 1e-9);
    }
}
