package fr.repere.statistics;

import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.Relationship;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker with every published output: for each measure of the same people, the five fixed
 * breakdowns as published (hidden cells carry no count), plus what anyone knows — months make
 * quarters, communes make EPCIs (the geography), the months and the communes make the same year,
 * and measures of the same people have the same totals. Unknowns: each month's and each commune's
 * count per category, non-negative. For every hidden cell, two linear programs give the smallest
 * and largest value compatible with all of that; the auditor knows nothing of how cells were chosen.
 *
 * <p>It also knows what each marker says of a hidden cell ({@link Range}, as the methodology
 * documents it): each hidden cell's expression is bounded, through one slack variable per bound.
 * Integrality: the constraint matrix is not totally unimodular in general (months and communes
 * are two hierarchies over the same year, and measures of the same people are tied by their
 * totals), so the LP bounds are only outer bounds of the integer ones. The auditor therefore also
 * returns whether the vertex reaching each bound is integral: then that bound is attained by an
 * integer table, and the LP bound is the exact integer bound.
 */
final class Auditor {

    /** What a marker says of a hidden cell: between {@code min} and {@code max} (inclusive; max may be infinite). */
    record Range(long min, long max) {
        static final long INFINITE = Long.MAX_VALUE;
        static final Range ANY = new Range(0, INFINITE);
    }

    /** The interval of one hidden cell; {@code integral} when both ends are reached by integer tables. */
    record Interval(String where, double min, double max, boolean integral) {
        double width() {
            return max - min;
        }

        /** The integers within the interval (as many as the cell's possible values when integral). */
        long integers() {
            if (Double.isInfinite(max)) {
                return Long.MAX_VALUE;
            }
            return (long) Math.floor(max + 1e-6) - (long) Math.ceil(min - 1e-6) + 1;
        }
    }

    private final List<String> communes;
    private final Map<String, String> epciOf;
    private final int categories;
    private final int measures;
    private final int variables;
    private final List<LinearConstraint> constraints = new ArrayList<>();
    private final Map<String, double[]> hidden = new LinkedHashMap<>();
    private final Map<String, Range> ranges = new LinkedHashMap<>();
    private final java.util.function.Function<Cell, Range> markers;

    /**
     * @param outputs per measure, the five published tables (same columns in each)
     * @param epciOf  the geography: commune code → EPCI code
     */
    Auditor(List<Map<Breakdown, PublishedTable>> outputs, Map<String, String> epciOf) {
        this(outputs, epciOf, cell -> Range.ANY);
    }

    /** @param markers what the methodology says the marker of a hidden cell implies */
    Auditor(List<Map<Breakdown, PublishedTable>> outputs, Map<String, String> epciOf,
            java.util.function.Function<Cell, Range> markers) {
        this.markers = markers;
        this.epciOf = epciOf;
        this.communes = List.copyOf(epciOf.keySet());
        this.categories = outputs.get(0).get(Breakdown.DEPARTEMENT_ANNEE).columnCodes().size();
        this.measures = outputs.size();
        this.variables = measures * (12 + communes.size()) * 0 + variablesPerMeasureTotal(outputs);
        for (int m = 0; m < measures; m++) {
            int width = outputs.get(m).get(Breakdown.DEPARTEMENT_ANNEE).columnCodes().size();
            for (var entry : outputs.get(m).entrySet()) {
                PublishedTable table = entry.getValue();
                for (PublishedRow row : table.rows()) {
                    read(m, width, entry.getKey(), row.code(), row.cells(), row.total(), table.key());
                }
                read(m, width, Breakdown.DEPARTEMENT_ANNEE, "TOTAL", table.total().cells(), table.total().total(), table.key());
            }
            for (int c = 0; c < width; c++) { // the months and the communes make the same year
                double[] months = leaves(m, width, Breakdown.DEPARTEMENT_ANNEE, "months", c);
                double[] place = leaves(m, width, Breakdown.DEPARTEMENT_ANNEE, "communes", c);
                constraints.add(new LinearConstraint(minus(months, place), Relationship.EQ, 0));
            }
        }
        for (int m = 1; m < measures; m++) { // the same people: every month's and commune's total alike
            int w0 = width(outputs, 0);
            int wm = width(outputs, m);
            for (int leaf = 0; leaf < 12 + communes.size(); leaf++) {
                double[] row = new double[variables];
                for (int c = 0; c < w0; c++) {
                    row[index(0, leaf, c)] += 1;
                }
                for (int c = 0; c < wm; c++) {
                    row[index(m, leaf, c)] -= 1;
                }
                constraints.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
        }
    }

    private int[] offsets;

    private int variablesPerMeasureTotal(List<Map<Breakdown, PublishedTable>> outputs) {
        offsets = new int[outputs.size()];
        int total = 0;
        for (int m = 0; m < outputs.size(); m++) {
            offsets[m] = total;
            total += (12 + communes.size()) * width(outputs, m);
        }
        return total;
    }

    private static int width(List<Map<Breakdown, PublishedTable>> outputs, int m) {
        return outputs.get(m).get(Breakdown.DEPARTEMENT_ANNEE).columnCodes().size();
    }

    private int widthOf(int m) {
        int next = m + 1 < measures ? offsets[m + 1] : variables;
        return (next - offsets[m]) / (12 + communes.size());
    }

    private int index(int m, int leaf, int c) {
        return offsets[m] + leaf * widthOf(m) + c;
    }

    private void read(int m, int width, Breakdown breakdown, String code, List<Cell> cells, Cell total, String table) {
        for (int c = 0; c <= width; c++) {
            Cell cell = c < width ? cells.get(c) : total;
            double[] expression = new double[variables];
            int[] columns = c < width ? new int[] {c} : java.util.stream.IntStream.range(0, width).toArray();
            for (int column : columns) {
                add(expression, expression(m, width, breakdown, code, column));
            }
            String where = "mesure " + m + " " + table + " " + code + " colonne " + (c < width ? c : "total");
            if (cell.published()) {
                constraints.add(new LinearConstraint(expression, Relationship.EQ, cell.count()));
                if (breakdown == Breakdown.DEPARTEMENT_ANNEE) { // the year also through the communes
                    double[] viaCommunes = new double[variables];
                    for (int column : columns) {
                        add(viaCommunes, leaves(m, width, breakdown, "communes", column));
                    }
                    constraints.add(new LinearConstraint(viaCommunes, Relationship.EQ, cell.count()));
                }
            } else {
                hidden.put(where, expression);
                ranges.put(where, markers.apply(cell));
            }
        }
    }

    /** The unknowns one row's column adds up. */
    private double[] expression(int m, int width, Breakdown breakdown, String code, int c) {
        double[] e = new double[variables];
        switch (breakdown) {
            case DEPARTEMENT_ANNEE -> add(e, leaves(m, width, breakdown, "months", c));
            case DEPARTEMENT_TRIMESTRE -> {
                int q = Integer.parseInt(code.substring(code.length() - 1)) - 1;
                for (int month = 3 * q; month < 3 * q + 3; month++) {
                    e[index(m, month, c)] = 1;
                }
            }
            case DEPARTEMENT_MOIS -> e[index(m, Integer.parseInt(code.substring(5)) - 1, c)] = 1;
            case EPCI_ANNEE -> {
                for (int i = 0; i < communes.size(); i++) {
                    if (epciOf.get(communes.get(i)).equals(code)) {
                        e[index(m, 12 + i, c)] = 1;
                    }
                }
            }
            case COMMUNE_ANNEE -> e[index(m, 12 + communes.indexOf(code), c)] = 1;
        }
        return e;
    }

    private double[] leaves(int m, int width, Breakdown unused, String which, int c) {
        double[] e = new double[variables];
        if (which.equals("months")) {
            for (int month = 0; month < 12; month++) {
                e[index(m, month, c)] = 1;
            }
        } else {
            for (int i = 0; i < communes.size(); i++) {
                e[index(m, 12 + i, c)] = 1;
            }
        }
        return e;
    }

    private static void add(double[] into, double[] e) {
        for (int i = 0; i < e.length; i++) {
            into[i] += e[i];
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = a.clone();
        for (int i = 0; i < b.length; i++) {
            d[i] -= b[i];
        }
        return d;
    }

    /** The interval of every hidden cell, in the order met. */
    List<Interval> intervals() {
        List<Interval> intervals = new ArrayList<>();
        for (var entry : hidden.entrySet()) {
            double[] objective = java.util.Arrays.copyOf(entry.getValue(), allVariables());
            double[] low = simplex().argmin(objective);
            double[] high = simplex().argmax(objective);
            double min = dot(objective, low);
            double max = high == null ? Double.POSITIVE_INFINITY : dot(objective, high);
            intervals.add(new Interval(entry.getKey(), min, max, integral(low) && (high == null || integral(high))));
        }
        return intervals;
    }

    private static double dot(double[] a, double[] b) {
        double v = 0;
        for (int i = 0; i < a.length; i++) {
            v += a[i] * b[i];
        }
        return v;
    }

    private static boolean integral(double[] x) {
        for (double v : x) {
            if (Math.abs(v - Math.rint(v)) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** The constraints a point breaks (to check the auditor itself against the truth). */
    List<String> broken(double[] point) {
        List<String> broken = new ArrayList<>();
        for (LinearConstraint c : constraints) {
            double v = c.getCoefficients().dotProduct(new org.apache.commons.math3.linear.ArrayRealVector(point));
            if (Math.abs(v - c.getValue()) > 1e-6) {
                broken.add(c.getCoefficients() + " = " + c.getValue() + " but " + v);
            }
        }
        return broken;
    }

    double valueAt(String where, double[] point) {
        return new org.apache.commons.math3.linear.ArrayRealVector(hidden.get(where)).dotProduct(
                new org.apache.commons.math3.linear.ArrayRealVector(point));
    }

    int variables() {
        return variables;
    }

    int hiddenCells() {
        return hidden.size();
    }

    private Simplex simplex;
    /** The markers' bounds, one per distinct hidden expression: (expression, bound, +1 for a lower bound / -1 for an upper one). */
    private List<Object[]> bounds;

    private List<Object[]> bounds() {
        if (bounds == null) {
            bounds = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var entry : hidden.entrySet()) {
                Range range = ranges.get(entry.getKey());
                if (!seen.add(java.util.Arrays.toString(entry.getValue()) + range)) {
                    continue;
                }
                if (range.min() > 0) {
                    bounds.add(new Object[] {entry.getValue(), range.min(), 1});
                }
                if (range.max() != Range.INFINITE) {
                    bounds.add(new Object[] {entry.getValue(), range.max(), -1});
                }
            }
        }
        return bounds;
    }

    /** The counts, then one slack per marker bound. */
    private int allVariables() {
        return variables + bounds().size();
    }

    private Simplex simplex() {
        if (simplex == null) {
            int all = allVariables();
            Map<String, double[]> distinct = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            for (LinearConstraint c : constraints) {
                String key = java.util.Arrays.toString(c.getCoefficients().toArray()) + "=" + c.getValue();
                distinct.putIfAbsent(key, java.util.Arrays.copyOf(c.getCoefficients().toArray(), all));
                values.putIfAbsent(key, c.getValue());
            }
            List<double[]> rows = new ArrayList<>(distinct.values());
            List<Double> rhs = new ArrayList<>(values.values());
            for (int b = 0; b < bounds().size(); b++) { // e·x - s = min (e·x ≥ min), or e·x + s = max (e·x ≤ max)
                Object[] bound = bounds().get(b);
                double[] row = java.util.Arrays.copyOf((double[]) bound[0], all);
                row[variables + b] = -(int) bound[2];
                rows.add(row);
                rhs.add((double) (long) bound[1]);
            }
            simplex = new Simplex(rows, rhs, all);
        }
        return simplex;
    }
}
