package dev.fapiaoflow.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.fapiaoflow.support.BrowserTestBase;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.PhoneScreen;

/**
 * The staff's lists on a phone (390 px): the finance task list, the mail outbox, the anomaly flags and the audit trail
 * show their rows as cards, each value under its column's name, with nothing scrolling sideways.
 */
class StaffPagesPhoneBrowserTest extends BrowserTestBase {

    @Test
    void aReviewerOpensATaskFromTheListAndSeesTheOutboxAndTheFlagsOnAPhone() {
        IssuedInvoices requests = new IssuedInvoices(this::client);
        requests.forAlice("88.00");   // a mail in the outbox
        String location = requests.specialRequestInReview("2718.28");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        signInAs("reviewer");

        PhoneScreen.emulate(browser);
        try {
            browser.get(url("/tasks"));
            PhoneScreen.assertFits(browser);
            By task = By.cssSelector("#tasks tr[data-request='" + requestId + "'] a");
            PhoneScreen.assertOnScreen(browser, task, By.cssSelector("#tasks tr[data-request='" + requestId + "'] td.actions button"));
            browser.findElement(task).click();
            PhoneScreen.assertOnScreen(browser, By.id("request"));

            browser.get(url("/outbox"));
            PhoneScreen.assertFits(browser);
            PhoneScreen.assertOnScreen(browser, By.cssSelector("#outbox tbody tr td[data-label] a"));

            browser.get(url("/anomalies"));
            PhoneScreen.assertFits(browser);
        } finally {
            PhoneScreen.desktop(browser);
        }
    }

    @Test
    void anAdministratorReadsTheAuditTrailOnAPhone() {
        signInAs("admin");

        PhoneScreen.emulate(browser);
        try {
            browser.get(url("/audit"));
            PhoneScreen.assertFits(browser);
            PhoneScreen.assertOnScreen(browser, By.cssSelector("#entries tr[data-seq] td[data-label]"));
        } finally {
            PhoneScreen.desktop(browser);
        }
    }
}
