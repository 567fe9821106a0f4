package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.fapiaoflow.order.OrderPush;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.order.OrderStatus;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.PhoneScreen;

/**
 * The whole customer journey in headless Chromium: a company on a phone applies for a special paper invoice, answers
 * the reviewer's question, sees it posted and downloads the OFD; the reviewer works the tasks with the address on
 * screen. And every customer and verifier page fits a phone.
 */
class CustomerJourneyBrowserTest extends BrowserTestBase {

    private static final String COMPANY = "杭州某某软件有限公司";

    @Autowired
    IdentityService identity;

    @Autowired
    OrderService orders;

    private boolean phone;

    @ParameterizedTest(name = "on a phone: {0}")
    @ValueSource(booleans = {true, false})
    void aCompanyGetsASpecialPaperInvoiceAfterAnsweringTheReviewAndTheReviewerPostsItToTheAddressShown(boolean phone)
            throws Exception {
        this.phone = phone;
        String customer = newCustomer();
        String orderNo = pushOrder(customer, "880.00");

        customerScreen();
        signInAs(customer);
        browser.get(url("/orders"));
        assertFits();
        click(By.id("order-" + orderNo));
        assertThat(browser.findElement(By.id("selection-total")).getText()).isEqualTo("¥880.00");
        assertOnScreen(By.id("apply-bar"));
        new Select(browser.findElement(By.id("invoiceType"))).selectByValue("SPECIAL");
        new Select(browser.findElement(By.id("buyerType"))).selectByValue("ENTERPRISE");
        type("title", COMPANY);
        type("taxId", "91110108351303601C");
        new Select(browser.findElement(By.id("taxpayerKind"))).selectByValue("GENERAL");
        type("address", "杭州市西湖区文三路1号");
        type("phone", "0571-12345678");
        type("bankName", "中国银行杭州分行");
        type("bankAccount", "62170000123456789");
        type("email", "finance@hz.example.com");
        click(By.id("delivery-POST"));
        type("recipient", "财务部 李会计");
        type("recipientPhone", "13900000000");
        type("postalAddress", "杭州市西湖区文三路1号 财务部");
        assertFits();
        click(By.id("apply"));
        String requestId = browser.findElement(By.cssSelector("#requests tr[data-request]")).getAttribute("data-request");
        assertThat(browser.findElement(By.id("applied")).getText()).contains(requestId);

        PhoneScreen.desktop(browser);
        signInAs("reviewer");
        openTask(requestId, "ReviewSpecialVat");
        assertThat(browser.findElement(By.id("request")).getText()).contains(COMPANY, "中国银行杭州分行");
        click(By.id("decision-more-info"));
        browser.findElement(By.id("comment")).sendKeys("开户银行请写到支行");
        completeTask();

        customerScreen();
        signInAs(customer);
        browser.get(url("/invoices"));
        WebElement answer = refreshUntil(By.id("supplement-" + requestId));
        assertThat(browser.findElement(By.id("asked-" + requestId)).getText()).contains("开户银行请写到支行");
        assertFits();
        WebElement bank = answer.findElement(By.id("s" + requestId + "-bankName"));
        bank.clear();
        bank.sendKeys("中国银行杭州西湖支行");
        click(By.id("send-supplement-" + requestId));
        assertThat(browser.findElement(By.id("supplied")).getText()).contains(requestId);

        PhoneScreen.desktop(browser);
        signInAs("reviewer");
        openTask(requestId, "ReviewSpecialVat");
        assertThat(browser.findElement(By.id("request")).getText()).contains("中国银行杭州西湖支行");
        click(By.id("decision-approve"));
        completeTask();
        openTask(requestId, "PostPaperInvoice");
        assertThat(browser.findElement(By.id("postal-address")).getText()).contains("财务部 李会计", "13900000000",
                "杭州市西湖区文三路1号 财务部");
        assertThat(browser.findElements(By.cssSelector("#print-pdfs a.print-pdf"))).singleElement()
                .satisfies(link -> assertThat(link.getAttribute("href")).matches(".*/api/invoices/\\d+/pdf"));
        new Select(browser.findElement(By.id("courier"))).selectByValue("SF");
        browser.findElement(By.id("trackingNumber")).sendKeys("SF1234567890");
        completeTask();

        customerScreen();
        signInAs(customer);
        browser.get(url("/invoices"));
        WebElement row = refreshUntil(By.cssSelector("tr[data-request='" + requestId + "'] .shipment[data-tracking='SF1234567890']"));
        assertThat(row.getText()).contains("顺丰", "SF1234567890");
        assertFits();
        assertOnScreen(By.cssSelector("tr[data-request='" + requestId + "'] a.ofd"),
                By.cssSelector("tr[data-request='" + requestId + "'] a.pdf"));
        click(By.cssSelector("tr[data-request='" + requestId + "'] a.ofd"));
        Path ofd = new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(200)).until(driver -> downloaded(".ofd"));
        assertThat(Files.readAllBytes(ofd)).as("an OFD is a zip").startsWith('P', 'K');
    }

    @Test
    void everyCustomerAndVerifierPageFitsAPhoneWithItsLinksOnScreen() {
        IssuedInvoices invoices = new IssuedInvoices(this::client);
        JsonNode invoice = invoices.forAlice("2345.00");
        long invoiceId = invoice.get("id").asLong();
        JsonNode dispute = client("alice").post().uri("/api/invoices/{id}/disputes", invoiceId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "OTHER", "description", "请核对金额与订单是否一致"))
                .retrieve().body(JsonNode.class);
        // rows in every list the pages show: a table's width depends on what is in it (20-digit numbers, key prefixes)
        client("alice").post().uri("/api/api-keys").contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "报销系统"))
                .retrieve().toBodilessEntity();
        for (String total : new String[] {invoice.get("totalAmount").asText(), "1.00"}) {
            client("alice").post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("number", invoice.get("number").asText(), "issueDate", invoice.get("issueDate").asText(),
                            "totalAmount", total))
                    .retrieve().toBodilessEntity();
        }

        PhoneScreen.emulate(browser);
        browser.get(url("/verify"));
        PhoneScreen.assertFits(browser);
        browser.findElement(By.id("number")).sendKeys(invoice.get("number").asText());
        // a date input takes what the user types in the locale's order; set the value the way a picker would
        browser.executeScript("document.getElementById('issueDate').value = arguments[0]", invoice.get("issueDate").asText());
        browser.findElement(By.id("totalAmount")).sendKeys(invoice.get("totalAmount").asText());
        click(By.id("check"));
        PhoneScreen.assertFits(browser);
        browser.get(url("/verify/document"));
        PhoneScreen.assertFits(browser);

        signInAs("alice");
        for (String page : new String[] {"/orders", "/titles", "/periodic", "/disputes", "/disputes/" + dispute.get("id").asLong(),
                "/invoices/" + invoiceId + "/dispute", "/invoices/" + invoiceId + "/timeline", "/verifications/history",
                "/verify/batch", "/api-keys"}) {
            browser.get(url(page));
            PhoneScreen.assertFits(browser);
        }
        browser.get(url("/invoices"));
        PhoneScreen.assertFits(browser);
        String row = "tr[data-request] div[data-invoice='" + invoiceId + "'] ";
        PhoneScreen.assertOnScreen(browser, By.cssSelector(row + "a.pdf"), By.cssSelector(row + "a.ofd"),
                By.cssSelector(row + "a.dispute"), By.cssSelector(row + ".dispute-thread a"), By.id("nav-invoices"));
    }

    @Test
    void threeHundredTwentyOrdersLeaveTheApplyFormAScreenAwayAndTheTotalFollowsThePicks() {
        String customer = newCustomer();
        OffsetDateTime paidAt = OffsetDateTime.parse("2026-10-01T10:00:00+08:00");
        List<String> orderNos = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            String orderNo = Orders.newOrderNo();
            orderNos.add(orderNo);
            orders.upsert(new OrderPush(orderNo, customer, paidAt.plusMinutes(i),
                    List.of(new OrderPush.Item("PY-" + i, "Python 课 " + i, "TRAINING", BigDecimal.ONE, new BigDecimal("12.50"))),
                    new BigDecimal("12.50"), OrderStatus.PAID, null));
        }

        signInAs(customer);
        browser.get(url("/orders"));
        assertThat(browser.findElements(By.cssSelector("#orders tr[data-order]"))).hasSize(20);
        Number formTop = (Number) browser.executeScript("return document.getElementById('apply-fields').getBoundingClientRect().top + window.scrollY");
        Number pageHeight = (Number) browser.executeScript("return document.scrollingElement.scrollHeight");
        LoggerFactory.getLogger(getClass()).info("320 orders at 1280 px: apply form {} px down, page {} px high", formTop, pageHeight);
        assertThat(formTop.intValue()).as("the apply form's distance from the top").isLessThan(2000);

        browser.findElements(By.cssSelector("#orders input[name=orderNos]")).stream().limit(3).forEach(this::click);
        clickAndAwaitNewPage(By.id("page-next"));
        browser.findElements(By.cssSelector("#orders input[name=orderNos]")).stream().limit(2).forEach(this::click);
        assertThat(browser.findElements(By.cssSelector("#selected-elsewhere input:checked"))).as("picks of page 1").hasSize(3);
        assertThat(browser.findElement(By.id("selection-count")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("selection-total")).getText()).isEqualTo("¥62.50");
        assertThat(browser.findElement(By.id("apply-bar")).isDisplayed()).isTrue();
        Number barBottom = (Number) browser.executeScript("return document.getElementById('apply-bar').getBoundingClientRect().bottom");
        Number viewport = (Number) browser.executeScript("return window.innerHeight");
        assertThat(barBottom.intValue()).as("the apply bar sticks to the bottom of the window").isLessThanOrEqualTo(viewport.intValue());

        browser.findElement(By.id("q")).sendKeys(orderNos.get(7));
        clickAndAwaitNewPage(By.id("search"));
        assertThat(browser.findElements(By.cssSelector("#orders tr[data-order]"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains(orderNos.get(7)));
        assertThat(browser.findElement(By.id("selection-count")).getText()).as("picks survive a search").isEqualTo("5");
    }

    /** the customer's screen in this run: a phone, or the desktop window */
    private void customerScreen() {
        if (phone) {
            PhoneScreen.emulate(browser);
        } else {
            PhoneScreen.desktop(browser);
        }
    }

    private void assertFits() {
        if (phone) {
            PhoneScreen.assertFits(browser);
        }
    }

    private void assertOnScreen(By... elements) {
        if (phone) {
            PhoneScreen.assertOnScreen(browser, elements);
        } else {
            for (By element : elements) {
                assertThat(browser.findElement(element).isDisplayed()).as(element + " displayed").isTrue();
            }
        }
    }

    private String newCustomer() {
        String customer = "company" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identity.newUser(customer);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(customer, Groups.CUSTOMER);
        return customer;
    }

    private String pushOrder(String customer, String price) {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder(customer, orderNo, price)).retrieve().toBodilessEntity();
        return orderNo;
    }

    /** the task of the request in the finance task list, once the process has reached it */
    private void openTask(String requestId, String taskKey) {
        browser.get(url("/tasks"));
        click(refreshUntil(By.cssSelector("#tasks tr[data-request='" + requestId + "'][data-task-key='" + taskKey + "'] a")));
    }

    private void completeTask() {
        click(By.id("complete"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> b.getCurrentUrl().endsWith("/tasks") || !b.findElements(By.id("error")).isEmpty());
        assertThat(browser.getCurrentUrl()).as(() -> "refused: " + browser.findElements(By.id("error")).stream()
                .map(WebElement::getText).toList()).endsWith("/tasks");
    }

    /** reloads the page until the element is there: the process moves on in jobs of its own */
    private WebElement refreshUntil(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500)).until(driver -> {
            WebElement found = driver.findElements(element).stream().findFirst().orElse(null);
            if (found == null) {
                driver.navigate().refresh();
            }
            return found;
        });
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** scrolled to the middle first: at the bottom of a phone screen the sticky apply bar would take the click */
    private void click(By by) {
        click(browser.findElement(by));
    }

    /** paging and searching load a new page: wait for it rather than read (or click) the rows of the page it replaces */
    private void clickAndAwaitNewPage(By by) {
        WebElement before = browser.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100)).until(ExpectedConditions.stalenessOf(before));
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private Path downloaded(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
