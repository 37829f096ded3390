package fr.repere.statistics;

import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

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
 */
final class Auditor {

    /** The interval of one hidden cell. */
    record Interval(String where, double min, double max) {
        double width() {
            return max - min;
        }
    }

    private final List<String> communes;
    private final Map<String, String> epciOf;
    private final int categories;
    private final int measures;
    private final int variables;
    private final List<LinearConstraint> constraints = new ArrayList<>();
    private final Map<String, double[]> hidden = new LinkedHashMap<>();

    /**
     * @param outputs per measure, the five published tables (same columns in each)
     * @param epciOf  the geography: commune code → EPCI code
     */
    Auditor(List<Map<Breakdown, PublishedTable>> outputs, Map<String, String> epciOf) {
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
            intervals.add(new Interval(entry.getKey(), solve(entry.getValue(), GoalType.MINIMIZE),
                    solve(entry.getValue(), GoalType.MAXIMIZE)));
        }
        return intervals;
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

    private double solve(double[] objective, GoalType goal) {
        if (simplex == null) {
            Map<String, double[]> distinct = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            for (LinearConstraint c : constraints) {
                String key = java.util.Arrays.toString(c.getCoefficients().toArray()) + "=" + c.getValue();
                distinct.putIfAbsent(key, c.getCoefficients().toArray());
                values.putIfAbsent(key, c.getValue());
            }
            simplex = new Simplex(new ArrayList<>(distinct.values()), new ArrayList<>(values.values()), variables);
        }
        return goal == GoalType.MAXIMIZE ? simplex.maximize(objective) : simplex.minimize(objective);
    }
}
