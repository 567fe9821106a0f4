package dev.fapiaoflow.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * What a chart shows, not how: the reporting feature draws it (JFreeChart, as SVG). Series and categories may be
 * message codes (translated) or plain text (months, shown as they are). Categories keep the order in
 * which they first appear, so a contributor lists every month of the range even when it holds nothing.
 *
 * @param name the file name under {@code /reports/charts/{name}.svg}; unique across sections
 */
public record ReportChart(String name, String title, Style style, String valueAxis, List<Point> points) {

    public enum Style {
        BARS, STACKED_BARS, LINES
    }

    public record Point(String series, String category, Number value) {
    }

    public ReportChart {
        if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("chart name must be lower-case ASCII: " + name);
        }
        points = List.copyOf(points);
    }

    public static Builder named(String name, String title, Style style, String valueAxis) {
        return new Builder(name, title, style, valueAxis);
    }

    public static final class Builder {
        private final String name;
        private final String title;
        private final Style style;
        private final String valueAxis;
        private final List<Point> points = new ArrayList<>();

        private Builder(String name, String title, Style style, String valueAxis) {
            this.name = name;
            this.title = title;
            this.style = style;
            this.valueAxis = valueAxis;
        }

        public Builder point(String series, String category, Number value) {
            points.add(new Point(series, category, value));
            return this;
        }

        public ReportChart build() {
            return new ReportChart(name, title, style, valueAxis, points);
        }
    }
}
