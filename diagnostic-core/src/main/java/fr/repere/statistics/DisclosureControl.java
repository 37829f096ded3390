package fr.repere.statistics;

import fr.repere.statistics.CountTree.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Secret statistique over {@link CountTree}s.
 *
 * <p><b>Primary suppression</b>: a cell counting 1 to threshold - 1 is hidden (shown « s », like every hidden cell).
 *
 * <p><b>Secondary suppression</b>: every hidden cell must have a <em>certificate</em>, a change
 * δ of ±1 to hidden cells only that keeps every published cell (every total included, in every
 * table of the tree, and the totals shared with the other measures of the same people) unchanged,
 * and that can be applied k times, for three consecutive values of k (0 among them), without
 * taking any moved cell out of what its marker says. Every hidden cell shows the same marker
 * (« s »), which says only « at least 1 » (zeros are published as 0); so a cell of value v can move
 * down by v - 1 and up without limit. With δ the cell is +1, cells moving like it must be able to
 * go down by {@code p} and cells moving against it by {@code q}, p + q = 2: the published figures
 * are then compatible with at least three values of every hidden cell (an attacker knowing every
 * published figure, integrality and the markers' bounds cannot narrow it below three). A
 * certificate for cell (u, c) is:
 * <ul>
 * <li>a second column d of the same row (another category; for a total, a category of each
 * measure), moved in the opposite direction (or, for a total, in the same direction);</li>
 * <li>an ancestor-or-self a of u and a sibling a' of a, where a moves one way and a' the other,
 * so that a's parent does not change (or a is the year itself, when the year's cells are hidden);</li>
 * <li>along the path from a to u and below every moved node, down to months and communes, a
 * child with both columns hidden to carry the change (in each split of a node).</li>
 * </ul>
 * Zero cells are never hidden. A newly hidden cell counts at least the threshold (≥ 3), so it can
 * always move by 2 either way: only the small cells already hidden limit a certificate. Missing
 * certificates are created at the least cost (the sum of the counts newly hidden), until every
 * hidden cell has one. When none can be built, the year is sealed (every non-zero cell hidden):
 * then every hidden cell can grow without limit (one more person in one of its non-zero months
 * and communes grows only hidden cells), so it still has at least three possible values.
 */
public final class DisclosureControl {

    public static final int DEFAULT_THRESHOLD = 11;
    public static final int MINIMUM_THRESHOLD = 3;
    private static final long NONE = Long.MAX_VALUE / 4;

    /**
     * How far the moved cells must be able to go down: {@code plus} for those moving like the
     * certified cell, {@code minus} for the others (a certificate then spans k in [-plus, minus]).
     */
    record Need(int plus, int minus) {

        Need opposite() {
            return new Need(minus, plus);
        }
    }

    /** The balanced need first (most certificates), then the lopsided ones a cell of 1 or 2 requires. */
    private static final List<Need> NEEDS = List.of(new Need(1, 1), new Need(0, 2), new Need(2, 0));

    /** How many values every hidden cell can take, at least, given everything published. */
    public static final int MINIMUM_POSSIBLE_VALUES = 3;

    private final int threshold;

    public DisclosureControl(int threshold) {
        if (threshold < MINIMUM_THRESHOLD) {
            throw new IllegalArgumentException("the suppression threshold is never below " + MINIMUM_THRESHOLD);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Protects one measure. */
    public void protect(CountTree tree) {
        protect(List.of(tree));
    }

    /**
     * Protects measures that count the same people (same totals, node by node): a total hidden in
     * one is hidden in all, and its certificate moves every one of them the same way.
     */
    public void protect(List<CountTree> sameTotals) {
        List<List<Node>> nodes = sameTotals.stream().map(CountTree::nodes).toList();
        checkSameTotals(sameTotals, nodes);
        for (List<Node> tree : nodes) {
            for (Node node : tree) {
                for (int c = 0; c < node.values.length; c++) {
                    if (node.values[c] > 0 && node.values[c] < threshold) {
                        node.marks[c] = Cell.Suppression.PRIMARY;
                    }
                }
            }
        }
        if (sameTotals.get(0).root().values[sameTotals.get(0).width() - 1] < threshold) {
            return; // fewer people than the threshold in the whole year: every non-zero cell is already hidden
        }
        boolean changed = true;
        while (changed) {
            changed = shareHiddenTotals(sameTotals, nodes);
            for (int t = 0; t < sameTotals.size(); t++) {
                int total = sameTotals.get(t).width() - 1;
                for (int i = 0; i < nodes.get(t).size(); i++) {
                    for (int c = 0; c < total; c++) {
                        if (nodes.get(t).get(i).hidden(c) && !certifyCategory(sameTotals, nodes, t, i, c)) {
                            changed = true;
                        }
                    }
                }
            }
            for (int i = 0; i < nodes.get(0).size(); i++) {
                int at = i;
                if (nodes.get(0).get(i).hidden(sameTotals.get(0).width() - 1)
                        && !certifyTotal(sameTotals, nodes.stream().map(n -> n.get(at)).toList())) {
                    changed = true;
                }
            }
            if (sameTotals.stream().allMatch(t -> everythingHidden(t.root()))) {
                return;
            }
        }
    }

    /** Every non-zero cell hidden: only zeros are published, nothing can be recomputed. */
    private static boolean everythingHidden(Node node) {
        for (int c = 0; c < node.values.length; c++) {
            if (node.values[c] > 0 && !node.hidden(c)) {
                return false;
            }
        }
        return node.partitions.stream().allMatch(p -> p.stream().allMatch(DisclosureControl::everythingHidden));
    }

    private static void checkSameTotals(List<CountTree> trees, List<List<Node>> nodes) {
        for (int t = 1; t < trees.size(); t++) {
            if (nodes.get(t).size() != nodes.get(0).size()) {
                throw new IllegalArgumentException("measures of the same people have the same areas and periods");
            }
            for (int i = 0; i < nodes.get(0).size(); i++) {
                Node a = nodes.get(0).get(i);
                Node b = nodes.get(t).get(i);
                if (!a.code.equals(b.code) || a.values[a.values.length - 1] != b.values[b.values.length - 1]) {
                    throw new IllegalArgumentException("measures of the same people have the same totals: " + a.code);
                }
            }
        }
    }

    private static boolean shareHiddenTotals(List<CountTree> trees, List<List<Node>> nodes) {
        boolean changed = false;
        for (int i = 0; i < nodes.get(0).size(); i++) {
            int at = i;
            boolean hidden = nodes.stream().anyMatch(n -> n.get(at).hidden(n.get(at).values.length - 1));
            if (hidden) {
                for (List<Node> tree : nodes) {
                    changed |= hide(tree.get(i), tree.get(i).values.length - 1);
                }
            }
        }
        return changed;
    }

    /**
     * Returns true if cell (u, c) of tree {@code t} already had a certificate; otherwise creates
     * the cheapest one: either another category of the row moving the other way (the total stays),
     * or the row's total moving with it (a certificate of the total, in every measure of the same
     * people, where this measure moves column c) — the only way when c is the row's only non-zero
     * category.
     */
    private boolean certifyCategory(List<CountTree> trees, List<List<Node>> nodes, int t, int index, int c) {
        CountTree tree = trees.get(t);
        Node u = nodes.get(t).get(index);
        if (tree.root().sealed) {
            return true;
        }
        long best = NONE;
        Node bestA = null;
        Node bestSibling = null;
        int bestD = -1;
        Need bestNeed = null;
        for (Need need : NEEDS) {
            if (!canMove(u, c, need.plus())) {
                continue; // the cell itself cannot go down that far
            }
            Need other = need.opposite();
            for (Node a = u; a != null && best > 0; a = a.parent) {
                for (int d = 0; d < tree.width() - 1 && best > 0; d++) {
                    if (d == c) {
                        continue;
                    }
                    // u's side: c moves like the cell, d against it; the sibling's side the other way round
                    long path = pathCost(a, u, c, need.plus(), d, need.minus());
                    if (path >= NONE || path >= best) { // a sibling's chain only adds to it
                        continue;
                    }
                    if (a.parent == null) {
                        best = path;
                        bestA = a;
                        bestSibling = null;
                        bestD = d;
                        bestNeed = need;
                        continue;
                    }
                    for (Node sibling : a.siblings()) {
                        if (best == 0) {
                            break;
                        }
                        if (sibling != a) {
                            long cost = add(path, chainCost(sibling, c, other.plus(), d, other.minus()));
                            if (cost < best) {
                                best = cost;
                                bestA = a;
                                bestSibling = sibling;
                                bestD = d;
                                bestNeed = need;
                            }
                        }
                    }
                }
            }
        }
        if (best == 0) {
            return true;
        }
        List<Node> us = nodes.stream().map(n -> n.get(index)).toList();
        // only a certificate cheaper than the path found is of any use: the search stops at that cost
        TotalCertificate viaTotal = cheapestTotal(trees, us, t, c, best);
        if (viaTotal.cost == 0 && u.hidden(tree.width() - 1)) {
            return true;
        }
        if (best >= NONE && viaTotal.cost >= NONE) {
            escalate(u, c);
            return false;
        }
        if (best <= viaTotal.cost) {
            applyPath(bestA, u, c, bestNeed.plus(), bestD, bestNeed.minus());
            if (bestSibling != null) {
                applyChain(bestSibling, c, bestNeed.minus(), bestD, bestNeed.plus());
            }
        } else {
            for (int i = 0; i < trees.size(); i++) {
                hide(us.get(i), trees.get(i).width() - 1);
            }
            viaTotal.apply(trees, us);
        }
        return false;
    }

    /** A total hidden in every measure of the same people: one certificate moving them all alike. */
    private boolean certifyTotal(List<CountTree> trees, List<Node> us) {
        if (trees.stream().anyMatch(t -> t.root().sealed)) {
            for (CountTree tree : trees) {
                hideAll(tree.root());
            }
            return true;
        }
        TotalCertificate best = cheapestTotal(trees, us, -1, -1, NONE);
        if (best.cost == 0) {
            return true;
        }
        if (best.cost >= NONE) {
            for (int t = 0; t < trees.size(); t++) {
                escalate(us.get(t), trees.get(t).width() - 1);
            }
            return false;
        }
        best.apply(trees, us);
        return false;
    }

    /** The row total and one category per measure move together; the ancestor level and sibling are common. */
    private record TotalCertificate(long cost, int level, int sibling, int[] columns, Need need) {

        void apply(List<CountTree> trees, List<Node> us) {
            for (int t = 0; t < trees.size(); t++) {
                Node ut = us.get(t);
                Node at = ancestor(ut, level);
                int total = trees.get(t).width() - 1;
                applyPath(at, ut, total, need.plus(), columns[t], need.plus());
                if (sibling >= 0) {
                    applyChain(at.siblings().get(sibling), total, need.minus(), columns[t], need.minus());
                }
            }
        }
    }

    /**
     * The cheapest certificate of the totals {@code us} costing less than {@code bound} (else one of
     * cost {@code bound} that applies nothing); if {@code forcedTree} ≥ 0, that measure moves
     * {@code forcedColumn}. On u's side the total and the column move like the certified cell, on
     * the sibling's side against it. Branch and bound: a candidate is dropped as soon as its partial
     * cost reaches the best one's, which gives the same certificate as the full search, much faster.
     */
    private static TotalCertificate cheapestTotal(List<CountTree> trees, List<Node> us, int forcedTree, int forcedColumn,
                                                  long bound) {
        TotalCertificate best = new TotalCertificate(bound, -1, -1, null, null);
        Node target = forcedTree >= 0 ? us.get(forcedTree) : us.get(0);
        int targetColumn = forcedTree >= 0 ? forcedColumn : trees.get(0).width() - 1;
        for (Need need : NEEDS) {
            if (best.cost > 0 && canMove(target, targetColumn, need.plus())) {
                best = cheapestTotal(trees, us, forcedTree, forcedColumn, best, need);
            }
        }
        return best;
    }

    private static TotalCertificate cheapestTotal(List<CountTree> trees, List<Node> us, int forcedTree, int forcedColumn,
                                                  TotalCertificate bound, Need need) {
        TotalCertificate best = bound;
        int level = 0;
        for (Node a = us.get(0); a != null && best.cost > 0; a = a.parent, level++) {
            List<Node> siblings = a.parent == null ? java.util.Collections.singletonList(null) : a.siblings();
            for (int s = 0; s < siblings.size() && best.cost > 0; s++) {
                if (siblings.get(s) == a) {
                    continue;
                }
                long cost = 0;
                int[] ds = new int[trees.size()];
                for (int t = 0; t < trees.size() && cost < best.cost; t++) {
                    Node ut = us.get(t);
                    Node at = ancestor(ut, level);
                    Node st = at.parent == null ? null : at.siblings().get(s);
                    int total = trees.get(t).width() - 1;
                    long bestTree = NONE;
                    for (int d = 0; d < total; d++) {
                        if (t == forcedTree && d != forcedColumn) {
                            continue;
                        }
                        long one = add(pathCost(at, ut, total, need.plus(), d, need.plus()),
                                st == null ? 0 : chainCost(st, total, need.minus(), d, need.minus()));
                        if (one < bestTree) {
                            bestTree = one;
                            ds[t] = d;
                        }
                    }
                    cost = add(cost, bestTree);
                }
                if (cost < best.cost) {
                    best = new TotalCertificate(cost, level, a.parent == null ? -1 : s, ds, need);
                }
            }
        }
        return best;
    }

    /**
     * No certificate can be built (zeros everywhere around): the parent's cell goes too, so that
     * the change can happen one level up; at the top, every non-zero cell of the year is hidden.
     */
    private static void escalate(Node u, int c) {
        if (u.parent != null && !u.parent.hidden(c)) {
            hide(u.parent, c);
            return;
        }
        Node root = u;
        while (root.parent != null) {
            root = root.parent;
        }
        hideAll(root);
    }

    private static void hideAll(Node node) {
        node.sealed = true;
        for (int c = 0; c < node.values.length; c++) {
            hide(node, c);
        }
        node.partitions.forEach(p -> p.forEach(DisclosureControl::hideAll));
    }

    private static Node ancestor(Node node, int level) {
        Node a = node;
        for (int i = 0; i < level; i++) {
            a = a.parent;
        }
        return a;
    }

    /**
     * Cost of hiding c and d on the path from a down to u, with their splits, and below u; cells
     * of column c must be able to go down by {@code downC}, those of d by {@code downD}.
     */
    private static long pathCost(Node a, Node u, int c, int downC, int d, int downD) {
        long cost = chainCost(u, c, downC, d, downD);
        Node child = u;
        for (Node x = u.parent; child != a && x != null && cost < NONE; child = x, x = x.parent) {
            cost = add(cost, add(cellCost(x, c, downC), cellCost(x, d, downD)));
            for (List<Node> split : x.partitions) {
                if (!split.contains(child)) {
                    cost = add(cost, cheapestChain(split, c, downC, d, downD));
                }
            }
        }
        return cost;
    }

    private static void applyPath(Node a, Node u, int c, int downC, int d, int downD) {
        applyChain(u, c, downC, d, downD);
        Node child = u;
        for (Node x = u.parent; child != a && x != null; child = x, x = x.parent) {
            hide(x, c);
            hide(x, d);
            for (List<Node> split : x.partitions) {
                if (!split.contains(child)) {
                    applyChain(cheapest(split, c, downC, d, downD), c, downC, d, downD);
                }
            }
        }
    }

    /** Cost of hiding c and d in this node and, in each of its splits, in a child, down to the leaves. */
    private static long chainCost(Node node, int c, int downC, int d, int downD) {
        long cost = add(cellCost(node, c, downC), cellCost(node, d, downD));
        for (List<Node> split : node.partitions) {
            if (cost >= NONE) {
                return NONE;
            }
            cost = add(cost, cheapestChain(split, c, downC, d, downD));
        }
        return cost;
    }

    private static long cheapestChain(List<Node> split, int c, int downC, int d, int downD) {
        long best = NONE;
        for (Node child : split) {
            best = Math.min(best, chainCost(child, c, downC, d, downD));
            if (best == 0) {
                break;
            }
        }
        return best;
    }

    private static Node cheapest(List<Node> split, int c, int downC, int d, int downD) {
        Node best = null;
        long bestCost = NONE;
        for (Node child : split) {
            long cost = chainCost(child, c, downC, d, downD);
            if (cost < bestCost) {
                bestCost = cost;
                best = child;
            }
        }
        return best;
    }

    private static void applyChain(Node node, int c, int downC, int d, int downD) {
        hide(node, c);
        hide(node, d);
        for (List<Node> split : node.partitions) {
            applyChain(cheapest(split, c, downC, d, downD), c, downC, d, downD);
        }
    }

    /**
     * A hidden cell costs nothing more if it can go down by {@code down} without reaching 0 (the
     * marker says « at least 1 »), else it cannot be used; a zero cannot be hidden (it is published
     * as 0); any other cell counts at least the threshold, so it can always go down by 2.
     */
    private static long cellCost(Node node, int c, int down) {
        if (node.hidden(c)) {
            return canMove(node, c, down) ? 0 : NONE;
        }
        return node.values[c] == 0 ? NONE : node.values[c];
    }

    /** The cell stays at 1 or more when it goes down by {@code down}. */
    private static boolean canMove(Node node, int c, int down) {
        return node.values[c] - down >= 1;
    }

    private static boolean hide(Node node, int c) {
        if (node.hidden(c) || node.values[c] == 0) {
            return false;
        }
        node.marks[c] = Cell.Suppression.SECONDARY;
        return true;
    }

    private static long add(long a, long b) {
        return a >= NONE || b >= NONE ? NONE : a + b;
    }

    /** For tests and documentation: the hidden cells of a tree, as (node code, column). */
    static List<String> hiddenCells(CountTree tree) {
        List<String> hidden = new ArrayList<>();
        for (Node node : tree.nodes()) {
            for (int c = 0; c < node.values.length; c++) {
                if (node.hidden(c)) {
                    hidden.add(node.code + "/" + c);
                }
            }
        }
        return hidden;
    }
}
