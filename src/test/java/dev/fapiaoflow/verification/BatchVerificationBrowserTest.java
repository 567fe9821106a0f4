package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.security.UserAdministration;
import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.verification.internal.BatchFiles;

/** A logged-in verifier uploads a batch on the page and watches the progress bar fill, in headless Chromium. */
class BatchVerificationBrowserTest extends BrowserTestBase {


    /** rows of the batch: within one minute of a fresh user's verification rate, which batch rows take from */
    private static final int ROWS = 100;

    @Autowired
    private UserAdministration users;

    @Test
    void progressBarPollsUntilOneHundredPercentThenOffersTheResultFile() throws Exception {
        String verifier = "batchpage" + ThreadLocalRandom.current().nextInt(1_000_000);
        users.create(new UserAdministration.NewUser(verifier, "Batch", "Verifier", null, "a-long-password",
                List.of(Groups.CUSTOMER)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            lines.add("9911" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L)) + ",2026-11-03,1.00");
        }
        Path file = Files.write(downloads.resolve("batch.csv"), BatchFiles.csv(lines.toArray(String[]::new)));
        signInAs(verifier, "a-long-password");

        browser.get("http://localhost:" + port + "/verify/batch");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> "DONE".equals(
                b.findElement(By.id("batch")).getAttribute("data-status")));
        assertThat(browser.findElement(By.id("bar")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("percent")).getText()).isEqualTo("100%");
        assertThat(browser.findElement(By.id("counts")).getText()).contains(String.valueOf(ROWS), "查无此票 " + ROWS);
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("result")).getAttribute("href")).endsWith("/result.csv");
    }

    @Test
    void refusedFileIsExplainedOnTheUploadForm() throws Exception {
        Path file = Files.write(downloads.resolve("wrong.csv"), "发票号码,日期,金额\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        signInAs("manager");

        browser.get("http://localhost:" + port + "/verify/batch");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();

        assertThat(browser.findElement(By.id("upload-error")).getText()).contains("number,issueDate,totalAmount");
    }
}
