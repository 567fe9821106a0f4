package dev.fapiaoflow.reporting.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import dev.fapiaoflow.reporting.ReportChart;

/** Draws a {@link ReportChart} with JFreeChart into an SVG element (JFreeSVG); values are written on the bars and points. */
final class ChartRenderer {

    static final int WIDTH = 760;
    static final int HEIGHT = 340;

    static {
        // rotated labels as rotated <text>, not TextLayout's glyph outlines: the SVG keeps its words (searchable, testable)
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartRenderer() {
    }

    static String svg(ReportChart chart, Labels labels) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ReportChart.Point point : chart.points()) {
            dataset.addValue(point.value(), labels.of(point.series()), labels.of(point.category()));
        }
        String title = labels.of(chart.title());
        String valueAxis = labels.of(chart.valueAxis());
        JFreeChart drawn = switch (chart.style()) {
            case BARS -> ChartFactory.createBarChart(title, null, valueAxis, dataset, PlotOrientation.VERTICAL, true, false, false);
            case STACKED_BARS -> ChartFactory.createStackedBarChart(title, null, valueAxis, dataset, PlotOrientation.VERTICAL, true,
                    false, false);
            case LINES -> ChartFactory.createLineChart(title, null, valueAxis, dataset, PlotOrientation.VERTICAL, true, false, false);
        };
        theme().apply(drawn);
        CategoryPlot plot = drawn.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        CategoryAxis categories = plot.getDomainAxis();
        // yyyy-MM labels side by side get cut to "20..." from about seven months on
        if (dataset.getColumnCount() > 6) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            categories.setMaximumCategoryLabelWidthRatio(2f);
        }
        if (chart.points().stream().allMatch(point -> point.value() instanceof Long || point.value() instanceof Integer)) {
            // counts: no 0.2 invoices on the axis
            ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        CategoryItemRenderer renderer = plot.getRenderer();
        if (renderer instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
        }
        renderer.setDefaultItemLabelGenerator(new NonZeroLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartFont.of(Font.PLAIN, 10f));

        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        svg.setDefsKeyPrefix(chart.name() + "-");
        svg.setFontFunction(family -> family.equals(ChartFont.family()) ? ChartFont.CSS_FAMILIES : family);
        drawn.draw(svg, new Rectangle(WIDTH, HEIGHT));
        return svg.getSVGElement("chart-" + chart.name());
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("fapiaoflow");
        theme.setExtraLargeFont(ChartFont.of(Font.BOLD, 16f));
        theme.setLargeFont(ChartFont.of(Font.BOLD, 13f));
        theme.setRegularFont(ChartFont.of(Font.PLAIN, 12f));
        theme.setSmallFont(ChartFont.of(Font.PLAIN, 10f));
        return theme;
    }

    /** the value on its bar or point, left out for zero: twelve months of four series would otherwise read "0 0 0 0" */
    private static final class NonZeroLabels extends StandardCategoryItemLabelGenerator {
        NonZeroLabels() {
            super("{2}", new DecimalFormat("#,##0.##"));
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            return value == null || value.doubleValue() == 0 ? null : super.generateLabel(dataset, row, column);
        }
    }
}
