package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.fapiaoflow.platform.internal.PlatformSimulator;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.Browser;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.PhoneScreen;
import dev.fapiaoflow.support.PlatformModeTest;

/**
 * Title auto-completion in headless Chromium, in platform mode against the simulator's company lookup: a company
 * customer types part of its name on the apply form, the combobox offers the platform's company, the keyboard picks it,
 * every field the platform knows is filled, and the special invoice is applied for with them; on a phone and a desktop.
 */
class TitleSuggestBrowserTest extends PlatformModeTest {

    private static final String COMPANY = "上海星云教育咨询有限公司";

    @TempDir
    Path downloads;
    @Autowired
    IdentityService identity;
    @Autowired
    PlatformSimulator simulator;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start(downloads);
        simulator.registerCompany("SHXY01", COMPANY, "91310104MA1FL0XY3J", "上海市徐汇区漕溪北路88号", "021-64001234",
                "招商银行上海徐汇支行", "121909876510901", "0");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "on a phone: {0}")
    @ValueSource(booleans = {true, false})
    void aCompanyPicksThePlatformsSuggestionWithTheKeyboardAndAppliesWithTheFieldsFilled(boolean phone) {
        String customer = newCustomer();
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder(customer, orderNo, "880.00")).retrieve().toBodilessEntity();
        if (phone) {
            PhoneScreen.emulate(browser);
        }
        logIn(customer);
        browser.get("http://localhost:" + port + "/orders");
        click(browser.findElement(By.id("order-" + orderNo)));
        new Select(browser.findElement(By.id("invoiceType"))).selectByValue("SPECIAL");
        assertThat(browser.findElement(By.id("title-suggest-hint")).getText()).contains("企业信息");

        WebElement title = browser.findElement(By.id("title"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", title);
        title.sendKeys("星云教");
        WebElement list = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("title-suggestions")).isDisplayed() ? b.findElement(By.id("title-suggestions")) : null);
        assertThat(title.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(list.getAttribute("role")).isEqualTo("listbox");
        WebElement option = list.findElement(By.cssSelector("[role=option][data-source=PLATFORM]"));
        assertThat(option.getText()).contains(COMPANY, "企业信息");
        if (phone) {
            PhoneScreen.assertFits(browser);
            PhoneScreen.assertOnScreen(browser, By.id("title-suggestions"));
        }

        title.sendKeys(Keys.ARROW_DOWN);
        assertThat(title.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        assertThat(option.getAttribute("aria-selected")).isEqualTo("true");
        title.sendKeys(Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "91310104MA1FL0XY3J".equals(value("taxId")));
        assertThat(list.isDisplayed()).isFalse();
        assertThat(title.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(value("title")).isEqualTo(COMPANY);
        assertThat(value("buyerType")).isEqualTo("ENTERPRISE");
        assertThat(value("taxpayerKind")).isEqualTo("GENERAL");
        assertThat(value("address")).isEqualTo("上海市徐汇区漕溪北路88号");
        assertThat(value("phone")).isEqualTo("021-64001234");
        assertThat(value("bankName")).isEqualTo("招商银行上海徐汇支行");
        assertThat(value("bankAccount")).isEqualTo("121909876510901");
        assertThat(browser.findElement(By.id("address")).isDisplayed()).as("the company fields are shown").isTrue();

        WebElement email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys("finance@xingyun.example.com");
        click(browser.findElement(By.id("apply")));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.findElements(By.id("applied")).isEmpty()
                || !b.findElements(By.cssSelector(".field-error, .alert.error")).isEmpty());
        assertThat(browser.findElements(By.id("applied"))).as(() -> "refused: " + browser.findElements(
                By.cssSelector(".field-error, .alert.error")).stream().map(WebElement::getText).toList()).isNotEmpty();
        assertThat(browser.findElement(By.id("applied")).getText()).contains("已提交");
    }

    /** Escape closes the list without picking; the field keeps what was typed */
    @ParameterizedTest(name = "on a phone: {0}")
    @ValueSource(booleans = {false})
    void escapeClosesTheSuggestionsAndKeepsWhatWasTyped(boolean phone) {
        logIn(newCustomer());
        browser.get("http://localhost:" + port + "/titles");
        WebElement title = browser.findElement(By.id("title"));
        title.sendKeys("星云");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("title-suggestions")).isDisplayed());
        title.sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("title-suggestions")).isDisplayed()).isFalse();
        assertThat(value("title")).isEqualTo("星云");
        assertThat(value("taxId")).isEmpty();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private String newCustomer() {
        String customer = "titles" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User user = identity.newUser(customer);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(customer, Groups.CUSTOMER);
        return customer;
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        click(browser.findElement(By.id("login")));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.getCurrentUrl().contains("/login"));
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
