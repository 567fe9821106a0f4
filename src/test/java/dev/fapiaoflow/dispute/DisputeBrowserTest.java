package dev.fapiaoflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.fapiaoflow.support.Browser;
import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;

/**
 * alice raises a dispute through the portal form; customer service has the dispute's page open, and alice's message
 * appears there without a reload (server-sent events).
 */
class DisputeBrowserTest extends BrowserTestBase {

    private void login(WebDriver driver, String user) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
    }

    @Test
    void alicesMessageAppearsOnServicesOpenDisputePageWithoutReload() throws Exception {
        long invoiceId = new IssuedInvoices(this::client).forAlice("128.00").get("id").asLong();

        login(browser, "alice");
        browser.get(url("/invoices"));
        browser.findElement(By.cssSelector("[data-invoice='" + invoiceId + "'] a.dispute")).click();
        new Select(browser.findElement(By.name("reason"))).selectByValue("OTHER");
        browser.findElement(By.name("description")).sendKeys("发票备注里少了订单号");
        browser.findElement(By.cssSelector("#dispute-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().matches(".*/disputes/\\d+$"));
        String disputePath = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/disputes/"));

        ChromeDriver service = Browser.start(Files.createTempDirectory(downloads, "service"));
        try {
            login(service, "service");
            service.get(url(disputePath));
            new WebDriverWait(service, Duration.ofSeconds(20))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-live")));
            service.executeScript("window.notReloaded = true;");
            assertThat(service.findElements(By.cssSelector("#thread li"))).isEmpty();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-live")));

            browser.findElement(By.id("message-text")).sendKeys("请在备注里加上订单号，谢谢");
            browser.findElement(By.id("send")).click();

            new WebDriverWait(service, Duration.ofSeconds(20)).until(driver ->
                    driver.findElements(By.cssSelector("#thread li.customer .text")).stream()
                            .anyMatch(text -> text.getText().equals("请在备注里加上订单号，谢谢")));
            assertThat(service.executeScript("return window.notReloaded === true;")).isEqualTo(true);

            service.findElement(By.id("message-text")).sendKeys("好的，马上处理");
            service.findElement(By.id("send")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                    driver.findElements(By.cssSelector("#thread li.staff .text")).stream()
                            .anyMatch(text -> text.getText().equals("好的，马上处理")));
            assertThat(service.findElement(By.id("recommendation")).getText()).contains("重新发送");
        } finally {
            service.quit();
        }
    }
}
