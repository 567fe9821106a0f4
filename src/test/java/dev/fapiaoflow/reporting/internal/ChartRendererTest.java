package dev.fapiaoflow.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.w3c.dom.Document;

import dev.fapiaoflow.reporting.ReportChart;

class ChartRendererTest {

    static Labels chinese() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Labels(messages, Locale.SIMPLIFIED_CHINESE);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsAStackedBarChartAsSvgWithChineseLabelsAndTheValues() throws Exception {
        ReportChart chart = ReportChart.named("issuance-count", "reports.issuance.countChart", ReportChart.Style.STACKED_BARS,
                "reports.invoices")
                .point("reports.series.NORMAL.BLUE", "2026-10", 17).point("reports.series.SPECIAL.BLUE", "2026-10", 4)
                .point("reports.series.NORMAL.BLUE", "2026-11", 23).point("reports.series.SPECIAL.BLUE", "2026-11", 0)
                .build();

        String svg = ChartRenderer.svg(chart, chinese());

        Document document = parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getDocumentElement().getAttribute("id")).isEqualTo("chart-issuance-count");
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains("每月开票张数", "普通发票（蓝字）", "专用发票（蓝字）", "2026-10", "2026-11", "17", "23");
        assertThat(svg).contains("WenQuanYi Micro Hei").contains("sans-serif");
        assertThat(text).doesNotContain("0.5", "2.5"); // counts get whole-number ticks
    }

    @Test
    void drawsLinesAndBarsToo() throws Exception {
        for (ReportChart.Style style : new ReportChart.Style[] { ReportChart.Style.LINES, ReportChart.Style.BARS }) {
            ReportChart chart = ReportChart.named("request-to-issued", "reports.requests.chart", style, "reports.hours")
                    .point("reports.median", "2026-11", 1.25).point("reports.p90", "2026-11", 30.5).build();
            String text = parse(ChartRenderer.svg(chart, chinese())).getDocumentElement().getTextContent();
            assertThat(text).contains("中位数", "90 分位", "1.25", "30.5");
        }
    }

    @Test
    void twelveMonthsKeepTheirWholeLabels() throws Exception {
        ReportChart.Builder chart = ReportChart.named("verification-results", "reports.verification.chart",
                ReportChart.Style.STACKED_BARS, "reports.checks");
        for (int month = 1; month <= 12; month++) {
            chart.point("reports.result.MATCH", "2026-%02d".formatted(month), month * 100);
        }
        org.w3c.dom.NodeList texts = parse(ChartRenderer.svg(chart.build(), chinese()))
                .getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertThat(labels).contains("2026-01", "2026-06", "2026-12", "1,200").noneMatch(label -> label.endsWith("..."));
    }

    /** The embedded font is a GB 2312 subset: every Chinese report label must have its glyphs, or charts show boxes. */
    @Test
    void theEmbeddedChartFontHasEveryGlyphOfTheChineseReportLabels() throws IOException {
        Properties zh = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            zh.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Font font = ChartFont.of(Font.PLAIN, 12f);
        assertThat(zh.stringPropertyNames().stream().filter(key -> key.startsWith("reports.")))
                .hasSizeGreaterThan(50)
                .allSatisfy(key -> assertThat(font.canDisplayUpTo(zh.getProperty(key)))
                        .as("%s = %s", key, zh.getProperty(key)).isEqualTo(-1));
    }
}
