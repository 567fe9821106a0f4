package dev.fapiaoflow.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table of figures. Cells are {@link String} (or an enum, shown through its message code), {@link Number}
 * (exported as a numeric cell) or null (empty).
 */
public record ReportTable(String title, List<Column> columns, List<List<Object>> rows) {

    public enum ColumnType {
        TEXT, COUNT, MONEY, DECIMAL
    }

    public record Column(String label, ColumnType type) {
    }

    public ReportTable {
        columns = List.copyOf(columns);
        List<List<Object>> checked = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " does not have the " + columns.size() + " columns of " + title);
            }
            // not List.copyOf: an empty cell is null
            checked.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(checked);
    }

    public static Builder titled(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder column(String label, ColumnType type) {
            columns.add(new Column(label, type));
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public ReportTable build() {
            return new ReportTable(title, columns, rows);
        }
    }
}
