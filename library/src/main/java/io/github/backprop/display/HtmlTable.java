package io.github.backprop.display;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Locale;

/**
 * Renders a Tablesaw table as a compact HTML table for notebooks. Numbers show up to 6
 * significant digits; tables longer than {@link #MAX_ROWS} rows show their first and last rows
 * and say how many are hidden. Plain Java: no kernel classes needed.
 */
public final class HtmlTable {
    /** Tables with more rows than this are truncated. */
    public static final int MAX_ROWS = 20;
    /** Rows shown from the top of a truncated table. */
    public static final int HEAD = 10;
    /** Rows shown from the bottom of a truncated table. */
    public static final int TAIL = 5;

    private HtmlTable() {
    }

    /**
     * The table as HTML.
     *
     * @param table the table (not modified)
     * @return an HTML fragment
     */
    public static String html(Table table) {
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"backprop-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (String name : table.columnNames()) {
            sb.append("<th>").append(escape(name)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        boolean truncate = rows > MAX_ROWS;
        for (int r = 0; r < rows; r++) {
            if (truncate && r == HEAD) {
                sb.append("<tr><td colspan=\"").append(table.columnCount()).append("\" style=\"text-align:center\">&hellip; ")
                        .append(String.format(Locale.ROOT, "%,d", rows - HEAD - TAIL)).append(" more rows &hellip;</td></tr>");
                r = rows - TAIL;
            }
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                sb.append("<td>").append(escape(cell(c, r))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (truncate) {
            sb.append("<p><small>").append(String.format(Locale.ROOT, "%,d rows &times; %d columns; %,d rows hidden",
                    rows, table.columnCount(), rows - HEAD - TAIL)).append("</small></p>");
        }
        return sb.toString();
    }

    /**
     * The table as plain text (for text-only front ends), truncated like the HTML.
     *
     * @param table the table
     * @return text
     */
    public static String text(Table table) {
        if (table.rowCount() <= MAX_ROWS) {
            return table.printAll();
        }
        Table shown = table.first(HEAD).append(table.last(TAIL));
        return shown.printAll() + String.format(Locale.ROOT, "%n(%,d rows; %,d hidden between rows %d and %d)",
                table.rowCount(), table.rowCount() - HEAD - TAIL, HEAD - 1, table.rowCount() - TAIL);
    }

    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        Object v = c.get(row);
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f);
        }
        return String.valueOf(v);
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.6g", d);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
