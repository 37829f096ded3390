package fr.repere.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All the counts of one measure over one year of one département, as every fixed breakdown sees
 * them: the year at the root, split two ways — by time (quarters, then months) and by territory
 * (EPCI, then communes). Each node has one count per category and, last, its total. Disclosure
 * control marks the nodes' cells ({@link DisclosureControl}); every published table is then a cut
 * through this one tree, so that all the tables an analyst can ask for are protected together and
 * cannot be subtracted from one another to recover a hidden cell.
 *
 * <p>Categories whose yearly total is below the threshold are merged with a neighbour (age bands
 * with the adjacent band) before anything else, so the year's figures are never hidden.
 */
public final class CountTree {

    /** One area-period (the year, a quarter, a month, an EPCI, a commune) and its counts. */
    public static final class Node {
        final String code;
        final String label;
        final long[] values;
        final Cell.Suppression[] marks;
        final List<List<Node>> partitions = new ArrayList<>();
        Node parent;
        /** Set on the year when every non-zero cell was hidden (no certificate could be built). */
        boolean sealed;

        Node(String code, String label, long[] values) {
            this.code = code;
            this.label = label;
            this.values = values;
            this.marks = new Cell.Suppression[values.length];
            Arrays.fill(marks, Cell.Suppression.NONE);
        }

        boolean hidden(int column) {
            return marks[column] != Cell.Suppression.NONE;
        }

        /** The split of the parent this node is in (remembered: the tree's shape is fixed once built, and the search asks often). */
        List<Node> siblings() {
            if (parent == null) {
                return List.of();
            }
            if (siblings == null) {
                siblings = parent.partitions.stream().filter(p -> p.contains(this)).findFirst().orElseThrow();
            }
            return siblings;
        }

        private List<Node> siblings;

        public String code() {
            return code;
        }

        public long value(int column) {
            return values[column];
        }

        public Cell.Suppression mark(int column) {
            return marks[column];
        }
    }

    /** The counts of one commune for the year, with its EPCI (code « - » when it belongs to none). */
    public record CommuneCounts(String code, String label, String epciCode, String epciLabel, long[] counts) {
    }

    private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"};

    private final String key;
    private final String title;
    private final String definition;
    private final List<String> columnCodes;
    private final List<String> columnLabels;
    private final int year;
    final Node root;

    private CountTree(String key, String title, String definition, List<String> codes, List<String> labels, int year,
            Node root) {
        this.key = key;
        this.title = title;
        this.definition = definition;
        this.columnCodes = codes;
        this.columnLabels = labels;
        this.year = year;
        this.root = root;
    }

    /**
     * Builds the tree from the leaves: the twelve months of the département (index 0 = January)
     * and its communes, one count per category (without total). Both leaves must add up to the
     * same year.
     */
    public static CountTree of(String key, String title, String definition, List<String> codes, List<String> labels,
            int year, long[][] months, List<CommuneCounts> communes, int threshold) {
        if (months.length != 12) {
            throw new IllegalArgumentException("twelve months");
        }
        long[] yearTotals = new long[codes.size()];
        for (long[] month : months) {
            add(yearTotals, month);
        }
        long[] check = new long[codes.size()];
        communes.forEach(c -> add(check, c.counts()));
        if (!Arrays.equals(yearTotals, check)) {
            throw new IllegalArgumentException("the months and the communes do not add up to the same year");
        }
        int[] groups = mergeRare(yearTotals, threshold);
        List<String> mergedCodes = new ArrayList<>();
        List<String> mergedLabels = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            int g = groups[i];
            if (g == mergedCodes.size()) {
                mergedCodes.add(codes.get(i));
                mergedLabels.add(labels.get(i));
            } else {
                mergedCodes.set(g, mergedCodes.get(g) + "+" + codes.get(i));
                mergedLabels.set(g, mergedLabels.get(g) + " ou " + labels.get(i));
            }
        }
        int width = mergedCodes.size() + 1;
        Node root = new Node(String.valueOf(year), "Année " + year, withTotal(yearTotals, groups, width));
        List<Node> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            List<Node> monthNodes = new ArrayList<>();
            long[] quarter = new long[width];
            for (int m = 3 * q; m < 3 * q + 3; m++) {
                Node month = new Node(String.format("%d-%02d", year, m + 1), MONTHS[m] + " " + year,
                        withTotal(months[m], groups, width));
                add(quarter, month.values);
                monthNodes.add(month);
            }
            Node quarterNode = new Node(year + "-T" + (q + 1), (q + 1) + (q == 0 ? "er" : "e") + " trimestre " + year, quarter);
            attach(quarterNode, monthNodes);
            quarters.add(quarterNode);
        }
        Map<String, List<Node>> byEpci = new LinkedHashMap<>();
        Map<String, String> epciLabels = new LinkedHashMap<>();
        communes.stream().sorted((a, b) -> a.code().compareTo(b.code())).forEach(c -> {
            byEpci.computeIfAbsent(c.epciCode(), k -> new ArrayList<>())
                    .add(new Node(c.code(), c.label(), withTotal(c.counts(), groups, width)));
            epciLabels.put(c.epciCode(), c.epciLabel());
        });
        List<Node> epcis = new ArrayList<>();
        byEpci.forEach((code, members) -> {
            long[] sum = new long[width];
            members.forEach(m -> add(sum, m.values));
            Node epci = new Node(code, epciLabels.get(code), sum);
            attach(epci, members);
            epcis.add(epci);
        });
        attach(root, quarters);
        attach(root, epcis);
        return new CountTree(key, title, definition, List.copyOf(mergedCodes), List.copyOf(mergedLabels), year, root);
    }

    /**
     * Which merged column each category goes to: a category whose yearly total is between 1 and
     * threshold - 1 joins its smaller neighbour, until none is left or one column remains.
     */
    static int[] mergeRare(long[] totals, int threshold) {
        List<List<Integer>> columns = new ArrayList<>();
        List<Long> sums = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            columns.add(new ArrayList<>(List.of(i)));
            sums.add(totals[i]);
        }
        while (columns.size() > 1) {
            int rare = -1;
            for (int i = 0; i < sums.size(); i++) {
                if (sums.get(i) > 0 && sums.get(i) < threshold && (rare < 0 || sums.get(i) < sums.get(rare))) {
                    rare = i;
                }
            }
            if (rare < 0) {
                break;
            }
            int into = rare == 0 ? 1 : rare == sums.size() - 1 ? rare - 1
                    : nonZero(sums.get(rare - 1)) <= nonZero(sums.get(rare + 1)) ? rare - 1 : rare + 1;
            int first = Math.min(rare, into);
            int second = Math.max(rare, into);
            columns.get(first).addAll(columns.remove(second));
            sums.set(first, sums.get(first) + sums.remove(second));
        }
        int[] groups = new int[totals.length];
        for (int g = 0; g < columns.size(); g++) {
            for (int i : columns.get(g)) {
                groups[i] = g;
            }
        }
        return groups;
    }

    /** An empty neighbour would not make the rare category any larger. */
    private static long nonZero(long sum) {
        return sum == 0 ? Long.MAX_VALUE : sum;
    }

    private static long[] withTotal(long[] counts, int[] groups, int width) {
        long[] values = new long[width];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count");
            }
            values[groups[i]] += counts[i];
            values[width - 1] += counts[i];
        }
        return values;
    }

    private static void add(long[] sum, long[] values) {
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }

    private static void attach(Node parent, List<Node> children) {
        children.forEach(c -> c.parent = parent);
        parent.partitions.add(List.copyOf(children));
    }

    public String key() {
        return key;
    }

    public List<String> columnCodes() {
        return columnCodes;
    }

    public int width() {
        return columnCodes.size() + 1;
    }

    public Node root() {
        return root;
    }

    /** Every node, the root first. */
    public List<Node> nodes() {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        node.partitions.forEach(p -> p.forEach(c -> collect(c, into)));
    }

    /** The nodes one breakdown shows as rows. */
    public List<Node> rows(Breakdown breakdown) {
        List<Node> quarters = root.partitions.get(0);
        List<Node> epcis = root.partitions.get(1);
        return switch (breakdown) {
            case DEPARTEMENT_ANNEE -> List.of(root);
            case DEPARTEMENT_TRIMESTRE -> quarters;
            case DEPARTEMENT_MOIS -> quarters.stream().flatMap(q -> q.partitions.get(0).stream()).toList();
            case EPCI_ANNEE -> epcis;
            case COMMUNE_ANNEE -> epcis.stream().flatMap(e -> e.partitions.get(0).stream())
                    .sorted((a, b) -> a.code.compareTo(b.code)).toList();
        };
    }

    /** One breakdown as a published table: hidden cells carry no count. */
    public PublishedTable table(Breakdown breakdown) {
        List<PublishedRow> rows = rows(breakdown).stream().map(this::row).toList();
        PublishedRow total = row(root);
        return new PublishedTable(key + "-" + breakdown.code(), title, breakdown.rowTitle(), columnCodes, columnLabels, rows,
                new PublishedRow("TOTAL", "Total", total.cells(), total.total()), definition);
    }

    private PublishedRow row(Node node) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < width() - 1; i++) {
            cells.add(cell(node, i));
        }
        return new PublishedRow(node.code, node.label, cells, cell(node, width() - 1));
    }

    private static Cell cell(Node node, int column) {
        return node.hidden(column) ? Cell.suppressed(node.marks[column]) : Cell.of(node.values[column]);
    }

    public int year() {
        return year;
    }
}
