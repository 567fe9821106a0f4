package dev.fapiaoflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser the size of a common phone (390 CSS px wide, as an iPhone 12–15) and the checks every page must pass
 * there: nothing scrolls sideways, no text breaks one character per line, the links that matter are on screen.
 */
public final class PhoneScreen {

    public static final int WIDTH = 390;

    /** a text node of two or more characters laid out in as many lines as it has characters; its tag and text */
    private static final String ONE_CHARACTER_PER_LINE = """
            const broken = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const text = node.textContent.replace(/\\s+/g, '');
              if (text.length < 2 || !node.parentElement || node.parentElement.closest('script,style,[hidden],option')) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (lines.size >= 2 && lines.size >= [...text].length) broken.push(node.parentElement.tagName + ': ' + text);
            }
            return broken;""";

    private PhoneScreen() {
    }

    public static void emulate(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 844, "deviceScaleFactor", 3, "mobile", true));
    }

    public static void desktop(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** the page in view fits the phone: no sideways scrolling, no text one character per line */
    public static void assertFits(ChromeDriver browser) {
        String page = browser.getCurrentUrl();
        Number scrollWidth = (Number) browser.executeScript("return document.scrollingElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("scrollWidth of " + page + " (widest: " + widest(browser) + ")")
                .isLessThanOrEqualTo(WIDTH);
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) browser.executeScript(ONE_CHARACTER_PER_LINE);
        assertThat(broken).as("text one character per line on " + page).isEmpty();
    }

    /** each element is shown, and within the phone's width */
    public static void assertOnScreen(ChromeDriver browser, By... elements) {
        for (By by : elements) {
            List<WebElement> found = browser.findElements(by);
            assertThat(found).as(by + " on " + browser.getCurrentUrl()).isNotEmpty();
            for (WebElement element : found) {
                assertThat(element.isDisplayed()).as(by + " displayed").isTrue();
                Number right = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().right", element);
                assertThat(right.doubleValue()).as(by + " within the width").isLessThanOrEqualTo(WIDTH);
            }
        }
    }

    /** the element that sticks out furthest, to name it in a failure */
    private static String widest(ChromeDriver browser) {
        return String.valueOf(browser.executeScript("""
                let widest = null, right = 0;
                document.querySelectorAll('body *').forEach(e => {
                  const r = e.getBoundingClientRect().right;
                  if (r > right) { right = r; widest = e; }
                });
                return widest ? widest.tagName + (widest.id ? '#' + widest.id : '') + '.' + widest.className + ' right=' + right : '';"""));
    }
}
