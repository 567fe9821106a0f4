package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.order.OrderPush;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.order.OrderStatus;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.BrowserTestBase;

/** A learner logs in, picks two orders, applies, and downloads the invoice PDF, in headless Chromium. */
class PortalBrowserTest extends BrowserTestBase {

    @Autowired
    OrderService orders;


    @Test
    void learnerAppliesForOneInvoiceOnTwoOrdersAndDownloadsThePdf() throws Exception {
        String first = Orders.newOrderNo();
        String second = Orders.newOrderNo();
        orders.upsert(trainingOrder(first, "1999.00"));
        orders.upsert(trainingOrder(second, "2999.00"));

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();

        // under load the redirect after login can take a moment
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(b -> !b.getCurrentUrl().contains("/login"));
        assertThat(browser.getCurrentUrl()).endsWith("/orders");
        browser.findElement(By.id("order-" + first)).click();
        browser.findElement(By.id("order-" + second)).click();
        browser.findElement(By.id("title")).sendKeys("爱丽丝");
        browser.findElement(By.id("email")).sendKeys("alice@example.com");
        browser.findElement(By.id("apply")).click();

        assertThat(browser.findElement(By.id("applied")).getText()).contains("已提交");
        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(500)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector("#requests tr[data-request]")).stream()
                    .filter(r -> r.getText().contains(first) && r.getText().contains("已送达"))
                    .findFirst().orElse(null);
        });
        assertThat(row.getText()).contains(second, "¥4998.00");

        row.findElement(By.cssSelector("a.pdf")).click();
        Path pdf = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(200)).until(driver -> downloadedPdf());
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
    }

    private Path downloadedPdf() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static OrderPush trainingOrder(String orderNo, String price) {
        return new OrderPush(orderNo, "alice", OffsetDateTime.parse("2026-11-12T10:00:00+08:00"),
                List.of(new OrderPush.Item("PY-101", "Python 入门课", "TRAINING", BigDecimal.ONE, new BigDecimal(price))),
                new BigDecimal(price), OrderStatus.PAID, null);
    }
}
