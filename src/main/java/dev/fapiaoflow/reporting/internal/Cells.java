package dev.fapiaoflow.reporting.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;

import dev.fapiaoflow.reporting.ReportTable;

/** How a cell reads on the page and in the CSV: counts as integers, money and decimals with two places. */
final class Cells {

    private Cells() {
    }

    static String text(Object cell, ReportTable.ColumnType type, Labels labels) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number number) {
            return switch (type) {
                case COUNT -> Long.toString(number.longValue());
                case MONEY, DECIMAL -> decimal(number).toPlainString();
                case TEXT -> number.toString();
            };
        }
        return labels.of(cell.toString());
    }

    static String pageText(Object cell, ReportTable.ColumnType type, Labels labels) {
        if (cell instanceof Number number && type == ReportTable.ColumnType.MONEY) {
            return new DecimalFormat("#,##0.00").format(decimal(number));
        }
        return text(cell, type, labels);
    }

    static BigDecimal decimal(Number number) {
        BigDecimal value = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
