package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;


import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.BrowserTestBase;

/** Someone holding an invoice checks it on the public page without logging in, in headless Chromium. */
class VerificationBrowserTest extends BrowserTestBase {

    @Autowired
    IssuanceService issuance;

    @Autowired
    InvoiceRepository invoiceRepository;

    @Autowired
    TransactionTemplate transactions;


    @Test
    void anonymousVisitorSeesMatchWithStatusAndMaskedBuyerThenMismatchWithNothingElse() {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("1288.00");
        String number = invoice.get("number").asText();

        check(number, invoice.get("issueDate").asText(), "1288.00");

        WebElement outcome = browser.findElement(By.id("outcome"));
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("MATCH");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("正常");
        assertThat(browser.findElement(By.id("buyer")).getText()).isEqualTo("北京某某***公司");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("¥1288.00");
        assertThat(browser.findElement(By.id("face")).getText()).contains(number, "北京启明在线教育科技有限公司", "*非学历教育服务*培训费");
        assertThat(browser.getPageSource()).doesNotContain("北京某某科技有限公司");

        check(number, invoice.get("issueDate").asText(), "1288.01");

        assertThat(browser.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("MISMATCH");
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("不一致");
        assertThat(browser.findElements(By.id("face"))).isEmpty();
    }

    @Test
    void aMatchWithAReversedOrVoidedInvoiceIsAWarningThatSaysSoNeverAPlainGreenMatch() {
        JsonNode flushed = new IssuedInvoices(this::client).forAcme("1289.00");
        issuance.redLetter(flushed.get("id").asLong(), RedLetterReason.ISSUED_IN_ERROR, "manager");
        JsonNode partly = new IssuedInvoices(this::client).forAcme("1290.00");
        issuance.partialRedLetter(partly.get("id").asLong(), new BigDecimal("290.00"), RedLetterReason.SALES_ALLOWANCE, "manager");
        JsonNode voided = new IssuedInvoices(this::client).forAcme("1291.00");
        transactions.executeWithoutResult(tx -> invoiceRepository.findById(voided.get("id").asLong()).orElseThrow()
                .markVoided("manager", Instant.now(), "开错抬头"));

        assertWarning(flushed, "1289.00", "RED_FLUSHED", "已全额红冲，不能作为有效凭证");
        assertWarning(partly, "1290.00", "PARTIALLY_RED_FLUSHED", "已部分红冲，仅未冲销的部分有效");
        assertWarning(voided, "1291.00", "VOIDED", "已作废，不能作为有效凭证");
    }

    private void assertWarning(JsonNode invoice, String total, String status, String words) {
        check(invoice.get("number").asText(), invoice.get("issueDate").asText(), total);

        assertThat(browser.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("MATCH");
        WebElement banner = browser.findElement(By.id("banner"));
        assertThat(banner.getAttribute("class")).as(status).contains("warning").doesNotContain("success");
        assertThat(banner.getAttribute("data-status")).isEqualTo(status);
        assertThat(banner.getText()).contains(words).doesNotContain("查验一致");
        assertThat(browser.findElement(By.id("status")).getText()).isNotEqualTo("正常");

        JsonNode answer = client("acme").post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", invoice.get("number").asText(), "issueDate", invoice.get("issueDate").asText(),
                        "totalAmount", total))
                .retrieve().body(JsonNode.class);
        assertThat(answer.get("result").asText()).isEqualTo("MATCH");
        assertThat(answer.get("status").asText()).as("the API answer says the status").isEqualTo(status);
    }

    @Test
    void malformedNumberIsExplainedNextToTheForm() {
        check("12345", "2026-11-03", "1.00");

        assertThat(browser.findElement(By.cssSelector(".alert.error li[data-field=number]")).getText()).contains("20 位数字");
        assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo("12345");
        assertThat(browser.findElements(By.id("outcome"))).isEmpty();
    }

    private void check(String number, String issueDate, String total) {
        browser.get("http://localhost:" + port + "/verify");
        browser.findElement(By.id("number")).sendKeys(number);
        // a date input takes what the user types in the locale's order; set the value the way a picker would
        browser.executeScript("document.getElementById('issueDate').value = arguments[0]", issueDate);
        browser.findElement(By.id("totalAmount")).sendKeys(total);
        browser.findElement(By.id("check")).click();
    }
}
