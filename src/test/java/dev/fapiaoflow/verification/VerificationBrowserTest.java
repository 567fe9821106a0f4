package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.BrowserTestBase;

/** Someone holding an invoice checks it on the public page without logging in, in headless Chromium. */
class VerificationBrowserTest extends BrowserTestBase {


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
