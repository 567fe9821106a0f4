package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.TestMailServer;
import dev.fapiaoflow.support.Waiting;

/** The finance reviewer approves a special request in the app's task list; the invoice PDF reaches acme by mail. */
class FinanceTaskBrowserTest extends BrowserTestBase {

    @Test
    void reviewerApprovesASpecialRequestInTheTaskListAndThePdfArrivesByMail() throws Exception {
        IssuedInvoices requests = new IssuedInvoices(this::client);
        String location = requests.specialRequestInReview("3141.59");
        String requestId = location.substring(location.lastIndexOf('/') + 1);

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("reviewer");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        // as after the decision below: the click returns before the login's redirect has landed
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> b.getCurrentUrl().endsWith("/tasks"));
        browser.findElement(By.cssSelector("#tasks tr[data-request='" + requestId + "'] a")).click();
        assertThat(browser.findElement(By.id("request")).getText()).contains("北京某某科技有限公司", "91110108351303601C", "3141.59");
        browser.findElement(By.id("decision-approve")).click();
        browser.findElement(By.id("complete")).click();
        // the click returns before the redirect has landed; on a busy machine the URL lags behind
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> b.getCurrentUrl().endsWith("/tasks") || !b.findElements(By.id("error")).isEmpty());

        assertThat(browser.getCurrentUrl()).as(() -> "refused: " + browser.findElements(By.id("error")).stream()
                .map(e -> e.getText()).toList()).endsWith("/tasks");
        assertThat(browser.findElements(By.cssSelector("#tasks tr[data-request='" + requestId + "']"))).isEmpty();
        String number = requests.awaitStatus("acme", location, "DELIVERED").get("invoices").get(0).get("number").asText();
        MimeMessage mail = awaitInvoiceMail("ap@acme.example.com", number);
        assertThat(pdfAttachmentOf(mail)).startsWith("%PDF".getBytes());
    }

    private static MimeMessage awaitInvoiceMail(String recipient, String invoiceNumber) {
        return Waiting.until("the invoice mail for " + invoiceNumber + " to " + recipient, Duration.ofSeconds(20),
                () -> invoiceMailTo(recipient, invoiceNumber), Optional::isPresent).orElseThrow();
    }

    /** the invoice mail of this invoice number: the subject names it */
    private static Optional<MimeMessage> invoiceMailTo(String recipient, String invoiceNumber) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages())
                .filter(message -> recipientsOf(message).contains(recipient))
                .filter(message -> subjectOf(message).contains(invoiceNumber))
                .findFirst();
    }

    private static byte[] pdfAttachmentOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
