package dev.fapiaoflow.support;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser test: the shared application context plus a fresh headless Chromium per test, downloads in a temp folder. */
public abstract class BrowserTestBase extends SpringTestBase {

    @TempDir
    protected Path downloads;

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start(downloads);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in at the login page as a demo user (password {@code demo}); see {@link #signInAs(String, String)}. */
    protected void signInAs(String user) {
        signInAs(user, "demo");
    }

    /**
     * Signs in at the login page (as nobody before: cookies cleared) and waits until the login's redirect has landed:
     * the click returns before it has, and a page opened at once would meet the login form again.
     */
    protected void signInAs(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement login = browser.findElement(By.id("login"));
        // on a phone-sized window the button may be below the fold, where a click does not reach it
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", login);
        login.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.getCurrentUrl().contains("/login"));
    }
}
