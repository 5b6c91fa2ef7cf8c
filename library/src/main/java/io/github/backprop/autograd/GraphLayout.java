package io.github.backprop.autograd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a graph goes in a picture: a layered layout (Sugiyama style), computed from
 * the graph alone.
 *
 * <ol>
 *   <li>Columns: a value's column is set by its longest path to the root, so the root is in the
 *       last column and every value sits just before its first use (inputs left, results right).</li>
 *   <li>An edge that spans several columns gets a bend point in each column it crosses, so that
 *       it is routed between the boxes, not through them.</li>
 *   <li>Order within a column: barycentric sweeps (each node moves to the mean position of its
 *       neighbours in the column before, then after), keeping the order with the fewest crossings,
 *       then swaps of neighbours while a swap removes crossings.</li>
 *   <li>Positions: each node is pulled towards its neighbours (a value's box lines up with the port
 *       it feeds) while keeping its order and a minimum gap.</li>
 * </ol>
 * Columns run left to right ({@link Direction#LEFT_TO_RIGHT}) or, for deep graphs that would be
 * too wide, top to bottom. The first operand of a value enters at the top (left) of its box.
 */
final class GraphLayout {

    /** Which way the columns run. */
    enum Direction {
        /** Inputs on the left, the root on the right. */
        LEFT_TO_RIGHT,
        /** Inputs at the top, the root at the bottom. */
        TOP_TO_BOTTOM
    }

    /** A value's box, or a bend point where a long edge crosses a column. */
    static final class Node {
        /** The value, or null for a bend point. */
        final Value value;
        final int column;
        /** Position in the column while ordering. */
        double order;
        /** Centre along the column, in pixels from the start of the column. */
        double across;
        /** Centre of the box (or the bend point) in the picture. */
        double x;
        double y;

        Node(Value value, int column) {
            this.value = value;
            this.column = column;
        }
    }

    /**
     * One use of a value: from its box, through bend points, to port {@code port} of {@code ports}
     * on the box of the value that uses it.
     */
    record Edge(List<Node> path, int port, int ports) {
        Node from() {
            return path.get(0);
        }

        Node to() {
            return path.get(path.size() - 1);
        }

        /** Where the port is along the receiving box, from -0.5 (first side) to 0.5. */
        double portOffset() {
            return (port + 1.0) / (ports + 1.0) - 0.5;
        }
    }

    /** A piece of an edge between neighbouring columns. */
    private record Segment(Node from, Node to, double toOffset) {
    }

    static final int MARGIN = 16;
    /** Space between columns for the edges, left to right and top to bottom. */
    static final int COLUMN_GAP_ACROSS_X = 44;
    static final int COLUMN_GAP_ACROSS_Y = 30;
    /** Space between neighbours in a column. */
    static final int GAP = 14;
    /** Room a bend point takes in its column. */
    static final int BEND = 8;
    private static final int ORDER_SWEEPS = 8;
    private static final int TRANSPOSE_ROUNDS = 4;
    private static final int PLACE_SWEEPS = 6;

    final Direction direction;
    final int boxWidth;
    final int boxHeight;
    /** The values' boxes, inputs first (the root last). */
    final List<Node> boxes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final int width;
    final int height;
    private final List<List<Node>> columns = new ArrayList<>();
    /** Crossings in the first order (values in topological order), before any sweep. */
    int crossingsBefore;
    private final List<Segment> segments = new ArrayList<>();

    /**
     * Lays out a graph.
     *
     * @param order the graph's values, every value after its inputs, the root last
     * @param boxWidth width of a value's box in pixels
     * @param boxHeight height of a value's box in pixels
     * @param top room above the drawing (for a title)
     * @param direction which way the columns run
     */
    GraphLayout(List<Value> order, int boxWidth, int boxHeight, int top, Direction direction) {
        this.direction = direction;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        int deepest = buildColumns(order);
        orderColumns();
        double extent = place();
        int columnCount = deepest + 1;
        for (int c = 0; c < columnCount; c++) {
            for (Node n : columns.get(c)) {
                if (direction == Direction.LEFT_TO_RIGHT) {
                    n.x = MARGIN + c * (boxWidth + COLUMN_GAP_ACROSS_X) + boxWidth / 2.0;
                    n.y = top + MARGIN + n.across;
                } else {
                    n.x = MARGIN + n.across;
                    n.y = top + MARGIN + c * (boxHeight + COLUMN_GAP_ACROSS_Y) + boxHeight / 2.0;
                }
            }
        }
        if (direction == Direction.LEFT_TO_RIGHT) {
            width = 2 * MARGIN + columnCount * boxWidth + (columnCount - 1) * COLUMN_GAP_ACROSS_X;
            height = top + 2 * MARGIN + (int) Math.ceil(extent);
        } else {
            width = 2 * MARGIN + (int) Math.ceil(extent);
            height = top + 2 * MARGIN + columnCount * boxHeight + (columnCount - 1) * COLUMN_GAP_ACROSS_Y;
        }
    }

    /** Columns from the longest path to the root; bend points for long edges. Returns the deepest level. */
    private int buildColumns(List<Value> order) {
        Map<Value, Integer> depth = new IdentityHashMap<>();
        Value root = order.get(order.size() - 1);
        depth.put(root, 0);
        int deepest = 0;
        for (int n = order.size() - 1; n >= 0; n--) {
            Value v = order.get(n);
            // every value that uses v came before it in this loop, so its depth is final
            int d = depth.get(v);
            deepest = Math.max(deepest, d);
            for (Value input : v.inputs()) {
                depth.merge(input, d + 1, Math::max);
            }
        }
        for (int c = 0; c <= deepest; c++) {
            columns.add(new ArrayList<>());
        }
        Map<Value, Node> box = new IdentityHashMap<>();
        for (Value v : order) {
            Node n = new Node(v, deepest - depth.get(v));
            columns.get(n.column).add(n);
            boxes.add(n);
            box.put(v, n);
        }
        for (Value v : order) {
            for (int i = 0; i < v.inputs().size(); i++) {
                Node from = box.get(v.inputs().get(i));
                Node to = box.get(v);
                List<Node> path = new ArrayList<>();
                path.add(from);
                for (int c = from.column + 1; c < to.column; c++) {
                    Node bend = new Node(null, c);
                    columns.get(c).add(bend);
                    path.add(bend);
                }
                path.add(to);
                Edge e = new Edge(List.copyOf(path), i, v.inputs().size());
                edges.add(e);
                for (int k = 0; k + 1 < path.size(); k++) {
                    boolean last = k + 2 == path.size();
                    segments.add(new Segment(path.get(k), path.get(k + 1), last ? e.portOffset() : 0.0));
                }
            }
        }
        return deepest;
    }

    /** Barycentric sweeps; keeps the order with the fewest crossings. */
    private void orderColumns() {
        renumber();
        List<List<Node>> best = snapshot();
        int fewest = crossings();
        crossingsBefore = fewest;
        for (int sweep = 0; sweep < ORDER_SWEEPS && fewest > 0; sweep++) {
            boolean forward = sweep % 2 == 0;
            if (forward) {
                for (int c = 1; c < columns.size(); c++) {
                    sortColumn(c, true);
                }
            } else {
                for (int c = columns.size() - 2; c >= 0; c--) {
                    sortColumn(c, false);
                }
            }
            int k = crossings();
            if (k < fewest) {
                fewest = k;
                best = snapshot();
            }
        }
        columns.clear();
        columns.addAll(best);
        renumber();
        // then swap neighbours in a column while that removes crossings
        boolean improved = fewest > 0;
        for (int round = 0; improved && round < TRANSPOSE_ROUNDS; round++) {
            improved = false;
            for (List<Node> column : columns) {
                for (int k = 0; k + 1 < column.size() && fewest > 0; k++) {
                    swap(column, k);
                    int crossings = crossings();
                    if (crossings < fewest) {
                        fewest = crossings;
                        improved = true;
                    } else {
                        swap(column, k);
                    }
                }
            }
        }
    }

    private static void swap(List<Node> column, int k) {
        Node n = column.get(k);
        column.set(k, column.get(k + 1));
        column.set(k + 1, n);
        column.get(k).order = k;
        column.get(k + 1).order = k + 1;
    }

    /** Sorts a column by the mean position of each node's neighbours before it (or after it). */
    private void sortColumn(int c, boolean byPredecessors) {
        Map<Node, Double> key = new IdentityHashMap<>();
        for (Node n : columns.get(c)) {
            double sum = 0;
            int count = 0;
            for (Segment s : segments) {
                if (byPredecessors && s.to == n) {
                    sum += s.from.order;
                    count++;
                } else if (!byPredecessors && s.from == n) {
                    sum += s.to.order + s.toOffset;
                    count++;
                }
            }
            key.put(n, count == 0 ? n.order : sum / count);
        }
        columns.get(c).sort(Comparator.comparingDouble(key::get));
        renumber();
    }

    /** Number of pairs of segments that cross between neighbouring columns. */
    int crossings() {
        int count = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment a = segments.get(i);
            for (int j = i + 1; j < segments.size(); j++) {
                Segment b = segments.get(j);
                if (a.from.column == b.from.column
                        && (a.from.order - b.from.order) * (a.to.order + a.toOffset - b.to.order - b.toOffset) < 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Pulls each node towards its neighbours (alternately those before and after it) while keeping
     * the order and the gaps. Returns the extent of the longest column.
     */
    private double place() {
        for (List<Node> column : columns) {
            double at = 0;
            for (int k = 0; k < column.size(); k++) {
                at += k == 0 ? size(column.get(k)) / 2 : separation(column.get(k - 1), column.get(k));
                column.get(k).across = at;
            }
        }
        for (int sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
            boolean forward = sweep % 2 == 0;
            for (int step = 0; step < columns.size(); step++) {
                int c = forward ? step : columns.size() - 1 - step;
                List<Node> column = columns.get(c);
                double[] wanted = new double[column.size()];
                for (int k = 0; k < column.size(); k++) {
                    wanted[k] = wantedAcross(column.get(k), forward);
                }
                spread(column, wanted);
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<Node> column : columns) {
            for (Node n : column) {
                min = Math.min(min, n.across - size(n) / 2);
                max = Math.max(max, n.across + size(n) / 2);
            }
        }
        for (List<Node> column : columns) {
            for (Node n : column) {
                n.across -= min;
            }
        }
        return max - min;
    }

    /** Where a node would like to be: lined up with its neighbours on one side (or where it is). */
    private double wantedAcross(Node n, boolean byPredecessors) {
        double boxAcross = direction == Direction.LEFT_TO_RIGHT ? boxHeight : boxWidth;
        double sum = 0;
        int count = 0;
        for (Segment s : segments) {
            if (byPredecessors && s.to == n) {
                // n's port lines up with the node feeding it
                sum += s.from.across - s.toOffset * boxAcross;
                count++;
            } else if (!byPredecessors && s.from == n) {
                sum += s.to.across + s.toOffset * boxAcross;
                count++;
            }
        }
        return count == 0 ? n.across : sum / count;
    }

    /**
     * Places a column's nodes as near the wanted positions as the gaps allow: the mean of pushing
     * down from the first node and pushing up from the last, which keeps every gap.
     */
    private void spread(List<Node> column, double[] wanted) {
        int m = column.size();
        double[] down = new double[m];
        double[] up = new double[m];
        for (int k = 0; k < m; k++) {
            down[k] = k == 0 ? wanted[k] : Math.max(wanted[k], down[k - 1] + separation(column.get(k - 1), column.get(k)));
        }
        for (int k = m - 1; k >= 0; k--) {
            up[k] = k == m - 1 ? wanted[k] : Math.min(wanted[k], up[k + 1] - separation(column.get(k), column.get(k + 1)));
        }
        for (int k = 0; k < m; k++) {
            column.get(k).across = (down[k] + up[k]) / 2;
        }
    }

    private double separation(Node a, Node b) {
        return (size(a) + size(b)) / 2 + GAP;
    }

    private double size(Node n) {
        if (n.value == null) {
            return BEND;
        }
        return direction == Direction.LEFT_TO_RIGHT ? boxHeight : boxWidth;
    }

    private void renumber() {
        for (List<Node> column : columns) {
            for (int k = 0; k < column.size(); k++) {
                column.get(k).order = k;
            }
        }
    }

    private List<List<Node>> snapshot() {
        List<List<Node>> copy = new ArrayList<>();
        for (List<Node> column : columns) {
            copy.add(new ArrayList<>(column));
        }
        return copy;
    }

    /** Number of columns. */
    int columnCount() {
        return columns.size();
    }
}
