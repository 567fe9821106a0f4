package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;

/**
 * Camunda's own Tasklist, as finance uses it: {@code reviewer} logs in once, in the app, sees the task in the app's
 * task list, opens Tasklist without a second login (container-based authentication), picks the saved filter 审核专票, and the review
 * task of a special request opens with the fields of the deployed Camunda Form {@code review-special-vat}, read-only
 * until claimed; choosing reject brings up the comment field.
 */
class CamundaTasklistBrowserTest extends BrowserTestBase {

    @Test
    void reviewerFindsTheReviewTaskThroughTheSavedFilterAndSeesItsForm() {
        String location = new IssuedInvoices(this::client).specialRequestInReview("2718.28");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        String taskId = client("reviewer").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=ReviewSpecialVat", requestId)
                .retrieve().body(JsonNode.class).get(0).get("id").asText();
        // generous: Tasklist is a large single-page app and the build machine is shared
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.withMessage(() -> "Tasklist at " + browser.getCurrentUrl() + " shows: "
                + browser.findElement(By.tagName("body")).getText());

        // one login, in the app: the app's task list shows the task, and Tasklist opens without asking again
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("reviewer");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/tasks"));
        assertThat(browser.findElements(By.cssSelector("#tasks tr[data-request='" + requestId + "']"))).hasSize(1);

        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(driver -> !driver.findElements(By.cssSelector(".task-filter .name a")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("input[ng-model='username']"))).as("no second login")
                .noneMatch(WebElement::isDisplayed);

        // in Chinese, with Beijing time whatever the browser's zone (headless Chromium runs in UTC), and a way back
        WebElement back = wait.until(driver -> driver.findElements(By.id("fapiaoflow-back")).stream().findFirst().orElse(null));
        assertThat(back.getAttribute("href")).endsWith("/tasks");
        assertThat(back.getText()).contains("返回发票中心");
        assertThat(browser.executeScript("return angular.element(document.body).injector().get('$filter')('camDate')"
                + "('2026-01-01T00:00:00.000+0000', 'normal')")).isEqualTo("2026-01-01 08:00");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("流程任务").doesNotContain("All Tasks", "Create task");

        WebElement reviewFilter = wait.until(driver -> driver.findElements(By.cssSelector(".task-filter .name a")).stream()
                .filter(link -> link.getText().contains(TasklistFilters.REVIEW_FILTER)).findFirst().orElse(null));
        reviewFilter.click();
        wait.until(driver -> driver.getCurrentUrl().contains("filter="));
        String filterId = browser.getCurrentUrl().replaceAll(".*filter=([^&]+).*", "$1");
        wait.until(driver -> !driver.findElements(By.cssSelector(".tasks-list .task")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".tasks-list .task")))
                .extracting(WebElement::getText)
                .allSatisfy(text -> assertThat(text).containsAnyOf("审核专用发票申请", "二次审批"));

        browser.get(url("/camunda/app/tasklist/default/#/?filter=" + filterId + "&task=" + taskId));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(form.getText()).contains("审核增值税专用发票申请 Review a special VAT invoice request", "风险提示 Risk hints", "审核结论 Decision");
        // form-js renders the radios without value attributes; their labels come from the form's values, in order
        List<WebElement> decisions = form.findElements(By.cssSelector("input[type='radio']"));
        assertThat(decisions).hasSize(3);
        assertThat(form.getText()).containsSubsequence("批准 Approve", "驳回 Reject", "请客户补充资料 Ask for more information");
        assertThat(form.findElements(By.cssSelector("textarea"))).as("comment hidden until a decision needs it")
                .noneMatch(WebElement::isDisplayed);

        assertThat(form.findElements(By.xpath("ancestor::div[contains(@class,'disabled-form')]")))
                .as("read-only until claimed").isNotEmpty();

        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        assertThat(claim.getText()).isEqualTo("领取");
        claim.click();
        wait.until(driver -> driver.findElements(By.cssSelector(".disabled-form .fjs-form")).isEmpty());
        assertThat(client("reviewer").get().uri("/engine-rest/task/{id}", taskId).retrieve().body(JsonNode.class)
                .get("assignee").asText()).isEqualTo("reviewer");
        form = browser.findElement(By.cssSelector(".fjs-form"));
        form.findElements(By.cssSelector("input[type='radio']")).get(1).click();
        WebElement comment = wait.until(driver -> driver.findElements(By.cssSelector(".fjs-form textarea")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(form.getText()).contains("意见 Comment");
        assertThat(comment.isEnabled()).isTrue();
    }
}
