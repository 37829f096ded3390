package fr.repere.statistics;

import fr.repere.territory.Commune;
import fr.repere.territory.Epci;
import fr.repere.territory.Geography;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The department statistics use cases over {@link StatisticsSummaries}: reads one year of one
 * département from the summaries (the département by month and the communes over the year,
 * nothing else), builds one {@link CountTree} per measure, protects them (measures of the same
 * people together) and cuts the asked breakdown out of every tree. Figures are the analyst's
 * organisation's diagnostics whose territory was recorded.
 */
@ApplicationScoped
public class StatisticsPublication {

    private StatisticsSummaries summaries;
    private Geography geography;
    private DisclosureControl control;
    private Clock clock;

    /** For CDI's proxy. */
    protected StatisticsPublication() {
    }

    @Inject
    public StatisticsPublication(StatisticsSummaries summaries, Geography geography, DisclosureControl control, Clock clock) {
        this.summaries = Objects.requireNonNull(summaries, "summaries");
        this.geography = Objects.requireNonNull(geography, "geography");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The organisation of the analyst's team ('' if none). */
    public String organisationOf(String team) {
        return summaries.organisationOf(team);
    }

    /** The départements where the organisation has counted diagnostics, by code. */
    public List<String> departements(String organisation) {
        return summaries.departements(organisation);
    }

    public Publication publish(String organisation, String departement, int year, Breakdown breakdown) {
        String name = geography.departement(departement).map(d -> d.nom() + " (" + d.code() + ")").orElse(departement);
        return publication(summaries.rows(organisation, departement, year), geography, name, year, breakdown, control,
                LocalDate.now(clock));
    }

    /**
     * From the summary rows to the publication: the protected tables of one breakdown and their
     * methodology. Static for the benchmark, which times exactly this path after reading the same rows.
     */
    public static Publication publication(List<SummaryRow> rows, Geography geography, String departementName, int year,
                                          Breakdown breakdown, DisclosureControl control, LocalDate today) {
        Map<String, String> epciOf = new TreeMap<>();
        Map<String, List<SummaryRow>> byMeasure = new HashMap<>();
        for (SummaryRow r : rows) {
            if ("C".equals(r.level())) {
                epciOf.put(r.unitCode(), r.parentCode());
            }
            byMeasure.computeIfAbsent(r.measure(), m -> new ArrayList<>()).add(r);
        }
        List<CountTree> trees = new ArrayList<>();
        for (Measure measure : Measure.all()) {
            trees.add(tree(measure, byMeasure.getOrDefault(measure.code(), List.of()), epciOf, year, control.threshold(), geography));
        }
        protectByPopulation(trees, control);
        List<PublishedTable> tables = trees.stream().map(t -> t.table(breakdown)).toList();
        Methodology methodology = new Methodology(departementName, period(year, breakdown), control.threshold(),
                versions(byMeasure, "Q_VERSION"), versions(byMeasure, "R_VERSION"), today, definitions(control.threshold()),
                tables.stream().mapToLong(PublishedTable::hiddenCells).sum());
        return new Publication(methodology, tables);
    }

    /** The versions behind the year's figures: counted like any contribution (V15), département by month. */
    private static List<String> versions(Map<String, List<SummaryRow>> byMeasure, String measure) {
        return byMeasure.getOrDefault(measure, List.of()).stream().filter(r -> "D".equals(r.level()) && r.n() > 0)
                .map(SummaryRow::category).distinct().sorted().toList();
    }

    /**
     * The tree of one measure from its own rows. Categories never met in the year are left out
     * (nothing to read there); known ones keep their order.
     */
    private static CountTree tree(Measure measure, List<SummaryRow> rows, Map<String, String> epciOf, int year, int threshold,
                                  Geography geography) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < measure.categories().size(); i++) {
            index.put(measure.categories().get(i), i);
        }
        int k = measure.categories().size();
        long[][] months = new long[12][k];
        Map<String, long[]> communes = new LinkedHashMap<>();
        epciOf.keySet().forEach(c -> communes.put(c, new long[k]));
        for (SummaryRow r : rows) {
            Integer column = index.get(r.category());
            if (column == null) {
                continue;
            }
            long n = r.n();
            if ("D".equals(r.level())) {
                months[r.periodStart().getMonthValue() - 1][column] += n;
            } else {
                communes.get(r.unitCode())[column] += n;
            }
        }
        boolean[] used = new boolean[k];
        for (long[] m : months) {
            for (int i = 0; i < k; i++) {
                used[i] |= m[i] > 0;
            }
        }
        int[] kept = IntStream.range(0, k).filter(i -> used[i]).toArray();
        if (kept.length == 0) {
            kept = IntStream.range(0, k).toArray();
        }
        int[] columns = kept;
        List<CountTree.CommuneCounts> leaves = new ArrayList<>();
        communes.forEach((code, counts) -> {
            String epci = epciOf.get(code);
            leaves.add(new CountTree.CommuneCounts(code, geography.commune(code).map(Commune::nom).orElse(code), epci,
                    "-".equals(epci) ? "Communes hors EPCI" : geography.epci(epci).map(Epci::nom).orElse(epci), pick(counts, columns)));
        });
        long[][] keptMonths = Arrays.stream(months).map(m -> pick(m, columns)).toArray(long[][]::new);
        return CountTree.of(measure.code().toLowerCase().replace('_', '-'), measure.title(), measure.definition(),
                Arrays.stream(columns).mapToObj(measure.categories()::get).toList(),
                Arrays.stream(columns).mapToObj(measure.labels()::get).toList(), year, keptMonths, leaves, threshold);
    }

    private static long[] pick(long[] values, int[] columns) {
        return Arrays.stream(columns).mapToLong(i -> values[i]).toArray();
    }

    /** Measures whose totals are equal everywhere count the same people: one hidden total hides it in all. */
    static void protectByPopulation(List<CountTree> trees, DisclosureControl control) {
        populations(trees).forEach(control::protect);
    }

    /**
     * The measures grouped by the people they count: same total in every node (area-period), in
     * the order of their first measure.
     */
    static Collection<List<CountTree>> populations(List<CountTree> trees) {
        Map<String, List<CountTree>> groups = new LinkedHashMap<>();
        for (CountTree tree : trees) {
            StringBuilder totals = new StringBuilder();
            for (CountTree.Node node : tree.nodes()) {
                totals.append(node.code()).append('=').append(node.value(tree.width() - 1)).append(';');
            }
            groups.computeIfAbsent(totals.toString(), x -> new ArrayList<>()).add(tree);
        }
        return groups.values();
    }

    /** The legend of the one marker of hidden cells: what it says, and the guarantee. */
    public static String hiddenMarker(int threshold) {
        return "Chiffre masqué (secret statistique). " + hiddenMarkerMeaning(threshold);
    }

    private static String hiddenMarkerMeaning(int threshold) {
        return "La case compte au moins 1 personne, sans dire si elle en compte "
                + "moins de " + threshold + " ou plus. Même en combinant tous les chiffres publiés (tous les tableaux et "
                + "découpages, leurs totaux), chaque case masquée reste compatible avec au moins "
                + DisclosureControl.MINIMUM_POSSIBLE_VALUES + " valeurs.";
    }

    static String period(int year, Breakdown breakdown) {
        return switch (breakdown) {
            case DEPARTEMENT_MOIS -> "janvier " + year + " à décembre " + year + " (par mois)";
            case DEPARTEMENT_TRIMESTRE -> "année " + year + " (par trimestre)";
            case DEPARTEMENT_ANNEE -> "année " + year;
            case EPCI_ANNEE -> "année " + year + " (par EPCI)";
            case COMMUNE_ANNEE -> "année " + year + " (par commune)";
        };
    }

    static List<String> definitions(int threshold) {
        return List.of(
                "Les chiffres comptent les diagnostics de votre organisation dont la commune de la personne a été renseignée "
                        + "(recherche de lieux), rattachés au mois du diagnostic et à la commune, à l'EPCI et au département de ce moment.",
                "« " + Cell.MARKER + " » : chiffre masqué (secret statistique). " + hiddenMarkerMeaning(threshold),
                "Les catégories trop rares sur l'année sont regroupées avec leur voisine (par exemple deux tranches d'âge).",
                "Seuls des découpages fixés sont proposés : le département par mois, trimestre ou année ; les EPCI et les communes par année.");
    }
}
