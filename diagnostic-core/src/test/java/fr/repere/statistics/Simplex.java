package fr.repere.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A small dense simplex for the auditor: bounds of c·x over {A x = b, x ≥ 0}. Two phases, Bland's
 * rule (no cycling on these very degenerate problems). Phase one runs once; each bound then starts
 * from the same feasible basis. Written here because the general solver at hand returned wrong
 * optima on these problems (checked against the true table, which must always lie within bounds).
 */
final class Simplex {

    private static final double EPS = 1e-9;

    private final int n;
    private final double[][] rows; // feasible tableau without artificial columns: n columns + rhs
    private final int[] basis;

    Simplex(List<double[]> a, List<Double> b, int variables) {
        this.n = variables;
        int m = a.size();
        double[][] t = new double[m][n + m + 1];
        int[] base = new int[m];
        for (int i = 0; i < m; i++) {
            double sign = b.get(i) < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign * a.get(i)[j];
            }
            t[i][n + i] = 1;
            t[i][n + m] = sign * b.get(i);
            base[i] = n + i;
        }
        double[] cost = new double[n + m];
        for (int i = 0; i < m; i++) {
            cost[n + i] = -1;
        }
        if (!run(t, base, cost, n + m)) {
            throw new IllegalStateException("phase one unbounded");
        }
        double infeasibility = 0;
        for (int i = 0; i < m; i++) {
            if (base[i] >= n) {
                infeasibility += t[i][n + m];
            }
        }
        if (infeasibility > 1e-6) {
            throw new IllegalStateException("the published figures are inconsistent");
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (base[i] >= n) {
                int enter = -1;
                for (int j = 0; j < n && enter < 0; j++) {
                    if (Math.abs(t[i][j]) > EPS) {
                        enter = j;
                    }
                }
                if (enter < 0) {
                    continue; // a redundant row
                }
                pivot(t, base, i, enter);
            }
            kept.add(i);
        }
        rows = new double[kept.size()][n + 1];
        basis = new int[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            System.arraycopy(t[i], 0, rows[k], 0, n);
            rows[k][n] = t[i][n + m];
            basis[k] = base[i];
        }
    }

    /** max c·x, or +∞ if unbounded. */
    double maximize(double[] c) {
        double[] x = argmax(c);
        if (x == null) {
            return Double.POSITIVE_INFINITY;
        }
        double value = 0;
        for (int j = 0; j < n; j++) {
            value += c[j] * x[j];
        }
        return value;
    }

    double minimize(double[] c) {
        return -maximize(negate(c));
    }

    /** A vertex where c·x is largest (the basic solution the simplex stops at), or null if unbounded. */
    double[] argmax(double[] c) {
        double[][] t = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            t[i] = rows[i].clone();
        }
        int[] base = basis.clone();
        if (!run(t, base, c, n)) {
            return null;
        }
        double[] x = new double[n];
        for (int i = 0; i < t.length; i++) {
            x[base[i]] = t[i][t[i].length - 1];
        }
        return x;
    }

    double[] argmin(double[] c) {
        return argmax(negate(c));
    }

    private static double[] negate(double[] c) {
        double[] negated = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            negated[j] = -c[j];
        }
        return negated;
    }

    /** Maximizes cost·x over columns [0, columns); false if unbounded. */
    private static boolean run(double[][] t, int[] base, double[] cost, int columns) {
        int rhs = t.length == 0 ? 0 : t[0].length - 1;
        while (true) {
            int enter = -1;
            for (int j = 0; j < columns && enter < 0; j++) {
                double reduced = cost[j];
                for (int i = 0; i < t.length; i++) {
                    reduced -= cost[base[i]] * t[i][j];
                }
                if (reduced > EPS) {
                    enter = j;
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < t.length; i++) {
                if (t[i][enter] > EPS) {
                    double ratio = t[i][rhs] / t[i][enter];
                    if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && base[i] < base[leave])) {
                        best = ratio;
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            pivot(t, base, leave, enter);
        }
    }

    private static void pivot(double[][] t, int[] base, int row, int column) {
        double[] p = t[row];
        double factor = p[column];
        for (int j = 0; j < p.length; j++) {
            p[j] /= factor;
        }
        for (int i = 0; i < t.length; i++) {
            if (i != row && Math.abs(t[i][column]) > 0) {
                double f = t[i][column];
                double[] r = t[i];
                for (int j = 0; j < r.length; j++) {
                    r[j] -= f * p[j];
                }
            }
        }
        base[row] = column;
    }
}
