package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SignOnTestBase;

/**
 * Single sign-on in a real browser, through Keycloak's own login page: a learner the shop pushed orders for signs in for
 * the first time and applies; a reviewer signs in once and works in the app's task list and in Camunda Tasklist.
 */
class SignOnBrowserIT extends SignOnTestBase {

    @Test
    void aLearnerSignsInAtTheSchoolsProviderFindsTheShopsOrdersAndApplies() {
        String orderNo = Orders.newOrderNo();
        int pushed = bearer(shopToken()).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("lin", orderNo, "1280.00")).retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(pushed).isEqualTo(201);
        WebDriverWait wait = waitWithPage();

        browser.get(url("/"));
        signInAtKeycloak(wait, "lin");

        wait.until(driver -> driver.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/orders"));
        browser.findElement(By.id("order-" + orderNo)).click();
        browser.findElement(By.id("title")).sendKeys("林同学");
        browser.findElement(By.id("email")).sendKeys("lin@example.com");
        browser.findElement(By.id("apply")).click();
        assertThat(wait.until(driver -> driver.findElement(By.id("applied"))).getText()).contains("已提交");
    }

    @Test
    void aReviewerSignsInOnceAndWorksInTheTaskListAndInCamundaTasklist() {
        String location = new IssuedInvoices(this::client).specialRequestInReview("3141.59");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        WebDriverWait wait = waitWithPage();

        browser.get(url("/tasks"));
        signInAtKeycloak(wait, "reviewer");
        // Spring Security returns to the saved request with "?continue"
        wait.until(driver -> driver.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/tasks"));
        assertThat(browser.findElements(By.cssSelector("#tasks tr[data-request='" + requestId + "']"))).hasSize(1);

        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(driver -> !driver.findElements(By.cssSelector(".task-filter .name a")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("no second sign-in").startsWith(url("/camunda/app/tasklist"));
        assertThat(browser.findElements(By.cssSelector("input[ng-model='username']"))).as("no Camunda login form")
                .noneMatch(WebElement::isDisplayed);
        browser.get(url("/camunda/api/admin/auth/user/default"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"userId\":\"reviewer\"", "tasklist");
    }

    private WebDriverWait waitWithPage() {
        // generous: Keycloak, the app and Tasklist share two busy cores
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.withMessage(() -> "at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText());
        return wait;
    }

    /** Keycloak's own login page (its theme's form ids), not one of ours */
    private void signInAtKeycloak(WebDriverWait wait, String user) {
        wait.until(driver -> driver.getCurrentUrl().startsWith(keycloak().issuer() + "/protocol/openid-connect/auth"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
    }
}
