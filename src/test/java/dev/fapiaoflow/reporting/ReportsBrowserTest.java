package dev.fapiaoflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;

/** A finance manager opens the reports on the demo data plus an invoice of today, then narrows the range. */
class ReportsBrowserTest extends BrowserTestBase {

    @Test
    void managerSeesChartsForTheLastTwelveMonthsAndFiltersTheRange() throws Exception {
        new IssuedInvoices(this::client).forAlice("88.00");
        String thisMonth = YearMonth.now(TimeConfig.CHINA).toString();

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.getCurrentUrl().contains("/login"));
        browser.get(url("/reports"));

        assertThat(browser.findElement(By.id("from")).getDomAttribute("value"))
                .isEqualTo(LocalDate.now(TimeConfig.CHINA).withDayOfMonth(1).minusMonths(11).toString());
        for (String chart : List.of("issuance-count", "issuance-amount", "request-to-issued", "review-backlog", "review-sla",
                "verification-results", "anomaly-flags", "disputes-by-reason")) {
            WebElement svg = browser.findElement(By.cssSelector("#figure-" + chart + " svg"));
            assertThat(svg.isDisplayed()).as(chart).isTrue();
            assertThat(svg.getSize().getWidth()).as(chart).isGreaterThan(300);
        }
        assertThat(texts("#figure-issuance-count svg text")).contains("每月开票张数", "普通发票（蓝字）", thisMonth);
        assertThat(browser.findElement(By.id("section-issuance")).getText()).contains("期间合计", "普通发票", "蓝字");
        assertThat(browser.findElement(By.id("export-xlsx")).getDomAttribute("href")).startsWith("/reports/export.xlsx?from=");
        Files.write(Path.of("target", "reports-page.png"), browser.getScreenshotAs(OutputType.BYTES));

        setRange("2021-01-01", "2021-12-31");
        assertThat(browser.getCurrentUrl()).contains("from=2021-01-01", "to=2021-12-31");
        assertThat(browser.findElement(By.id("range-shown")).getText()).contains("2021-01-01", "2021-12-31");
        assertThat(texts("#figure-issuance-count svg text")).contains("2021-01", "2021-12").doesNotContain(thisMonth);
        WebElement totals = browser.findElement(By.cssSelector("table[data-section='issuance'][data-table='0'] tbody tr:last-child"));
        assertThat(totals.getText()).startsWith("合计").contains(" 0 ");
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href")).endsWith("from=2021-01-01&to=2021-12-31");

        setRange("2021-12-31", "2021-01-01");
        assertThat(browser.findElement(By.id("range-errors")).getText()).contains("日期范围无效");
        assertThat(browser.findElements(By.cssSelector("figure.chart"))).isEmpty();
    }

    /** the whole page, charts drawn, for the default twelve months: the figure the README quotes */
    @Test
    void pageIsQuickOnTheDemoData() {
        client("manager").get().uri("/reports").retrieve().toBodilessEntity(); // warm-up: templates, fonts, JIT
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            assertThat(client("manager").get().uri("/reports").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        System.out.println("reports page (default range, 8 charts): median " + millis.get(3) + " ms, worst " + millis.get(6)
                + " ms over 7 requests");
        assertThat(millis.get(3)).isLessThan(2000);
    }

    private void setRange(String from, String to) {
        browser.executeScript("document.getElementById('from').value = arguments[0];"
                + " document.getElementById('to').value = arguments[1];", from, to);
        browser.findElement(By.id("apply-range")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> b.getCurrentUrl().contains("from=" + from + "&to=" + to)
                && "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    private List<String> texts(String css) {
        List<String> texts = new ArrayList<>();
        for (WebElement text : browser.findElements(By.cssSelector(css))) {
            texts.add(text.getDomProperty("textContent"));
        }
        return texts;
    }
}
