package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.Waiting;

/**
 * In the browser: a Flowable model without a diagram opens laid out and deploys with its diagram; a Camunda Form edited
 * in the form editor deploys in the schema Camunda 7.24's Tasklist renders, and a reviewer completes its task there.
 */
class ImportsAndFormsBrowserTest extends BrowserTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aFlowableModelWithoutADiagramOpensLaidOutAndDeploysWithIt() {
        login("owner");
        browser.get(url("/models"));
        browser.findElement(By.cssSelector("#flowable-import input[type='file']")).sendKeys(
                Path.of("src/test/resources/modeling/outside/flowable/EmailServiceTaskTest.testSendEmailWithStaticHeader.bpmn20.xml")
                        .toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#flowable-import button[type='submit']")).click();
        awaitEditor();

        assertThat(browser.findElement(By.id("canvas")).getDomAttribute("data-auto-layout")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#canvas .djs-shape"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("import-report")).getText()).contains("[unsupported mail task] sendMail");

        browser.findElement(By.id("comment")).sendKeys("imported from Flowable's mail example");
        browser.findElement(By.id("deploy")).click();
        awaitDeployed();
        String deployed = client("owner").get().uri("/api/models/bpmn/sendMailWithStaticHeaderExample/versions/latest/content")
                .retrieve().body(String.class);
        assertThat(deployed).contains("BPMNShape", "bpmnElement=\"sendMail\"");
    }

    @Test
    void aFormEditedInTheBrowserRendersInTasklistAndItsTaskIsCompletedThere() {
        deploy("forms/tasklist-edited.form", """
                {"id": "tasklist-edited", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_note", "key": "note", "type": "textfield", "label": "Note"}]}
                """);
        deploy("bpmn/tasklist-edited-form.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="TasklistEditedFormDefinitions" targetNamespace="https://fapiaoflow.dev/test">
                  <process id="tasklist-edited-form" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <sequenceFlow id="toNote" sourceRef="start" targetRef="writeNote"/>
                    <userTask id="writeNote" name="Write a note" camunda:candidateGroups="finance-reviewer"
                              camunda:formRef="tasklist-edited" camunda:formRefBinding="latest"/>
                    <sequenceFlow id="toEnd" sourceRef="writeNote" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """);

        login("owner");
        browser.get(url("/models/form/tasklist-edited/edit"));
        awaitEditor();
        // form-js's own editing API, as its properties panel uses it
        browser.executeScript("""
                const editor = window.fapiaoModeler;
                const field = editor.get('formFieldRegistry').getAll().find((f) => f.key === 'note');
                editor.get('modeling').editFormField(field, 'label', 'Note (edited in the browser)');
                """);
        browser.findElement(By.id("comment")).sendKeys("label edited");
        browser.findElement(By.id("deploy")).click();
        awaitDeployed();
        JsonNode saved = client("owner").get().uri("/api/models/form/tasklist-edited/versions/latest/content").retrieve().body(JsonNode.class);
        assertThat(saved.get("schemaVersion").asInt()).isEqualTo(16);
        assertThat(saved.toString()).contains("Note (edited in the browser)");

        String instanceId = runtime.startProcessInstanceByKey("tasklist-edited-form").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        browser.manage().deleteAllCookies();
        login("reviewer");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.withMessage(() -> "Tasklist at " + browser.getCurrentUrl() + " shows: " + browser.findElement(By.tagName("body")).getText());
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(form.getText()).contains("Note (edited in the browser)");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(driver -> driver.findElements(By.cssSelector(".disabled-form .fjs-form")).isEmpty());
        WebElement note = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form input[type='text']")));
        note.sendKeys("done in Tasklist");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();

        Waiting.until("the task completed in Tasklist", WAIT,
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("note").singleResult()
                .getValue()).isEqualTo("done in Tasklist");
    }

    private void deploy(String resourceName, String content) {
        var deployed = client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("resourceName", resourceName, "content", content, "comment", "for ImportsAndFormsBrowserTest"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private void awaitEditor() {
        new WebDriverWait(browser, WAIT).until(b -> "true".equals(b.findElement(By.id("model-editor")).getDomAttribute("data-ready"))
                || b.findElement(By.id("model-editor")).getDomAttribute("data-error") != null);
        assertThat(browser.findElement(By.id("model-editor")).getDomAttribute("data-error")).isNull();
    }

    private void awaitDeployed() {
        new WebDriverWait(browser, WAIT).until(b -> b.findElement(By.id("result")).getDomAttribute("data-state") != null
                && b.findElement(By.id("result")).getDomAttribute("data-state").startsWith("deployed"));
        assertThat(browser.findElement(By.id("result")).getDomAttribute("data-state")).as(browser.findElement(By.id("result")).getText())
                .isEqualTo("deployed-201");
    }

    private void login(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, WAIT).until(b -> !b.getCurrentUrl().contains("/login"));
    }
}
