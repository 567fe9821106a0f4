package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Waiting;

/**
 * The process owner lowers the four-eyes threshold in the DMN editor, deploys it, and the next special request of
 * 60,000 yuan needs a second approval; rolled back in the model library, the next one does not.
 */
class ModelingBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    RepositoryService repository;

    @AfterEach
    void restoreFourEyes() {
        String shipped = TestModels.file("dmn/four-eyes.dmn");
        var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("four-eyes").latestVersion().singleResult();
        String deployed;
        try (var in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
            deployed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!deployed.equals(shipped)) {
            client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("resourceName", "dmn/four-eyes.dmn", "content", shipped, "comment", "restore after ModelingBrowserTest"))
                    .retrieve().toBodilessEntity();
        }
    }

    @Test
    void ownerLowersTheFourEyesThresholdInTheDmnEditorDeploysItAndRollsItBack() {
        IssuedInvoices requests = new IssuedInvoices(this::client);
        int shippedVersion = repository.createDecisionDefinitionQuery().decisionDefinitionKey("four-eyes").latestVersion().singleResult()
                .getVersion();
        login("owner");

        browser.get(url("/models/dmn/four-eyes/edit"));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(b -> "true".equals(b.findElement(By.id("model-editor")).getDomAttribute("data-ready"))
                || b.findElement(By.id("model-editor")).getDomAttribute("data-error") != null);
        assertThat(browser.findElement(By.id("model-editor")).getDomAttribute("data-error")).isNull();

        // a click on the cell opens dmn-js's FEEL editor for it, which takes the focus
        browser.findElement(By.cssSelector("td.input-cell[data-row-id='LargeAmountNeedsSecondApproval']")).click();
        wait.until(b -> "true".equals(b.switchTo().activeElement().getDomAttribute("contenteditable")));
        WebElement threshold = browser.switchTo().activeElement();
        threshold.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        threshold.sendKeys(">= 50000");
        browser.findElement(By.id("comment")).sendKeys("second approval from 50,000 yuan");

        browser.findElement(By.id("check")).click();
        wait.until(b -> "checked".equals(b.findElement(By.id("result")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("differences")).getText()).contains("59,970.00 yuan", "99,999.99 yuan");

        browser.findElement(By.id("deploy")).click();
        wait.until(b -> b.findElement(By.id("result")).getDomAttribute("data-state") != null
                && b.findElement(By.id("result")).getDomAttribute("data-state").startsWith("deployed"));
        assertThat(browser.findElement(By.id("result")).getDomAttribute("data-state")).as(browser.findElement(By.id("result")).getText())
                .isEqualTo("deployed-201");
        assertThat(browser.findElement(By.id("deployed")).getDomAttribute("data-version")).isEqualTo(String.valueOf(shippedVersion + 1));

        String lowered = requests.specialRequestInReview("60000.00");
        approveAs("reviewer", requests.financeTask(lowered, "ReviewSpecialVat").get("id").asText());
        String secondApproval = awaitTask(lowered, "SecondApproval", "finance-manager");
        approveAs("manager", secondApproval);

        browser.get(url("/models"));
        WebElement rollback = browser.findElement(By.cssSelector(
                "tr[data-model='DMN:four-eyes'][data-version='" + shippedVersion + "'] form.rollback"));
        rollback.findElement(By.name("comment")).sendKeys("back to 100,000 yuan");
        rollback.findElement(By.cssSelector("button")).click();
        wait.until(b -> !b.findElements(By.id("message")).isEmpty() || !b.findElements(By.id("refused")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).contains("four-eyes", "v" + (shippedVersion + 2));
        assertThat(browser.findElement(By.cssSelector("tr[data-model='DMN:four-eyes'].latest")).getText())
                .contains("back to 100,000 yuan", "owner", "ROLLBACK");

        String restored = requests.specialRequestInReview("60000.00");
        approveAs("reviewer", requests.financeTask(restored, "ReviewSpecialVat").get("id").asText());
        JsonNode issued = requests.awaitStatus("acme", restored, "DELIVERED");
        assertThat(issued.get("invoices")).isNotEmpty();
    }

    private void login(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, WAIT).until(b -> !b.getCurrentUrl().contains("/login"));
    }

    private void approveAs(String user, String taskId) {
        HttpStatus status = HttpStatus.valueOf(client(user).post().uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of("decision", Map.of("value", "approve"))))
                .retrieve().toBodilessEntity().getStatusCode().value());
        assertThat(status).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String awaitTask(String requestLocation, String taskKey, String group) {
        String requestId = requestLocation.substring(requestLocation.lastIndexOf('/') + 1);
        return Waiting.until("one " + taskKey + " for request " + requestId, WAIT, () -> client("manager").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}&candidateGroup={group}",
                        requestId, taskKey, group)
                .retrieve().body(JsonNode.class), tasks -> tasks.size() == 1).get(0).get("id").asText();
    }
}
