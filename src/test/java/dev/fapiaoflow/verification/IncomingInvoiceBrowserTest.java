package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.PhoneScreen;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator.SimInvoice;

/**
 * The issue's Done-when in headless Chromium: a finance user uploads a 数电 PDF issued by someone else (made here by
 * another generator than our renderer), sees the fields read from its QR code, checks it through the provider (the
 * strict Tencent simulator) and finds it in the incoming ledger, with its status history and the provider's raw
 * answer; the ledger and the entry fit a phone.
 */
class IncomingInvoiceBrowserTest extends BrowserTestBase {

    private static final LocalDate ISSUED = LocalDate.now(TimeConfig.CHINA).minusDays(4);

    @Autowired
    TencentOcrSimulator authority;

    @Test
    void aFinanceUserUploadsASupplierPdfConfirmsTheQrFieldsChecksItAndFindsItInTheLedger() throws Exception {
        String number = "2513" + String.format("%016d", System.nanoTime() % 10_000_000_000_000_000L);
        authority.register(new SimInvoice(null, number, ISSUED, "10", new BigDecimal("1000.00"), new BigDecimal("60.00"), null,
                "杭州某某教育科技有限公司", "91330100MA2B00000Y", "北京某学校", "12110000400000000X", "N"));
        Path pdf = Files.write(downloads.resolve("supplier-invoice.pdf"), ForeignInvoiceFiles.pdfWithQrCode(
                ForeignInvoiceFiles.qrText("32", null, number, "1060.00", ISSUED.format(DateTimeFormatter.BASIC_ISO_DATE), null)));
        signInAs("reviewer");

        browser.findElement(By.id("nav-incoming")).click();
        browser.findElement(By.cssSelector("#read-file input[name=file]")).sendKeys(pdf.toString());
        browser.findElement(By.cssSelector("#read-file button")).click();

        assertThat(browser.findElement(By.id("qr-read")).isDisplayed()).isTrue();
        assertThat(field("number")).isEqualTo(number);
        assertThat(field("issueDate")).isEqualTo(ISSUED.toString());
        assertThat(new BigDecimal(field("totalAmount"))).isEqualByComparingTo("1060.00");
        browser.findElement(By.id("check")).click();

        assertThat(browser.findElement(By.id("outcome")).getText()).contains("已登记");
        assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("正常");
        assertThat(browser.findElement(By.id("entry")).getText()).contains("杭州某某教育科技有限公司", "PDF");
        assertThat(browser.findElement(By.cssSelector("#history tr[data-event=REGISTERED]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("raw-answer")).getText()).contains("\"IsAbandoned\"", number);
        String detailUrl = browser.getCurrentUrl();

        browser.get(url("/incoming-invoices?q=" + number));
        assertThat(browser.findElements(By.cssSelector("#ledger tr[data-number='" + number + "']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#ledger tr[data-number='" + number + "']")).getText()).contains("正常");

        PhoneScreen.emulate(browser);
        try {
            browser.navigate().refresh();
            PhoneScreen.assertFits(browser);
            browser.get(detailUrl);
            PhoneScreen.assertFits(browser);
        } finally {
            PhoneScreen.desktop(browser);
        }
    }

    @Test
    void aFileSwappedBetweenReadingAndConfirmingIsRefusedAndNothingIsRegistered() throws Exception {
        String number = "2513" + String.format("%016d", System.nanoTime() % 10_000_000_000_000_000L);
        String other = "2514" + String.format("%016d", System.nanoTime() % 10_000_000_000_000_000L);
        authority.register(new SimInvoice(null, number, ISSUED, "10", new BigDecimal("1000.00"), new BigDecimal("60.00"), null,
                "杭州某某教育科技有限公司", "91330100MA2B00000Y", "北京某学校", "12110000400000000X", "N"));
        String date = ISSUED.format(DateTimeFormatter.BASIC_ISO_DATE);
        Path pdf = Files.write(downloads.resolve("supplier-invoice-a.pdf"), ForeignInvoiceFiles.pdfWithQrCode(
                ForeignInvoiceFiles.qrText("32", null, number, "1060.00", date, null)));
        byte[] otherPdf = ForeignInvoiceFiles.pdfWithQrCode(ForeignInvoiceFiles.qrText("32", null, other, "1060.00", date, null));
        signInAs("reviewer");
        browser.get(url("/incoming-invoices"));
        browser.findElement(By.cssSelector("#read-file input[name=file]")).sendKeys(pdf.toString());
        browser.findElement(By.cssSelector("#read-file button")).click();
        // the form posts and the page reloads: until it has, the fields found are the old page's (empty, then stale)
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(b -> number.equals(field("number")));

        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('input[name=file64]').value = arguments[0];",
                Base64.getEncoder().encodeToString(otherPdf));
        browser.findElement(By.id("check")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> b.getPageSource().contains("文件的发票二维码与确认的发票号码不一致"));
        browser.get(url("/incoming-invoices?q=" + number));
        assertThat(browser.findElements(By.cssSelector("#ledger tr[data-number='" + number + "']"))).isEmpty();
    }

    @Test
    void theSameInvoiceTypedInAgainIsFlaggedAsADuplicateAtOnceInEnglish() {
        String number = "2513" + String.format("%016d", (System.nanoTime() + 7) % 10_000_000_000_000_000L);
        authority.register(new SimInvoice(null, number, ISSUED, "10", new BigDecimal("200.00"), new BigDecimal("12.00"), null,
                "某某文具有限公司", "91110105MA00000000", "北京某学校", "12110000400000000X", "N"));
        signInAs("manager");

        for (int time = 0; time < 2; time++) {
            browser.get(url("/incoming-invoices?lang=en"));
            type("number", number);
            // a date input takes what the user types in the locale's order; set the value the way a picker would
            browser.executeScript("document.querySelector('#check-fields [name=issueDate]').value = arguments[0]", ISSUED.toString());
            type("totalAmount", "212.00");
            browser.findElement(By.id("check")).click();
        }

        assertThat(browser.findElement(By.id("outcome")).getText()).contains("in the ledger already");
        assertThat(browser.findElement(By.id("entry")).getText()).contains("Submitted again (2 times)");
    }

    private String field(String name) {
        return browser.findElement(By.cssSelector("#check-fields [name=" + name + "]")).getAttribute("value");
    }

    private void type(String name, String value) {
        var input = browser.findElement(By.cssSelector("#check-fields [name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }
}
