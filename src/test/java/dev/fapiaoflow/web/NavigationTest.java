package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fapiaoflow.support.FormLogin;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Every demo user logs in through the login form, lands on a page that answers 200, and every menu link that page
 * shows answers 200 for them too (no Cockpit or finance tasks offered to roles refused there).
 */
class NavigationTest extends SpringTestBase {

    private static final Pattern NAV = Pattern.compile("<nav>(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    @ParameterizedTest(name = "{0} lands on {1} and may open every menu link shown")
    @CsvSource({
            "alice,    /orders,   /invoices,     /tasks",
            "acme,     /orders,   /titles,       /camunda/app/cockpit/",
            "shop,     /verify,   ,              /api-keys",
            "reviewer, /tasks,    /anomalies,    /camunda/app/cockpit/",
            "manager,  /tasks,    /reports,      /admin/users",
            "service,  /disputes, /outbox,       /tasks",
            "owner,    /models,   /camunda/app/cockpit/, /outbox",
            "admin,    /outbox,   /admin/users,  /orders",
            "admin,    /outbox,   /admin/maintenance, /tasks",
            "reviewer, /tasks,    /tasks,        /admin/maintenance"})
    void everyRoleLandsOnAPageItMayOpenAndSeesOnlyLinksItMayUse(String user, String landing, String shown,
            String notShown) throws Exception {
        HttpClient browser = loggedIn(user);

        Page first = follow(browser, "/");
        assertThat(first.status()).as(user + " lands on " + first.path()).isEqualTo(200);
        assertThat(first.path()).as(user + "'s landing page").isEqualTo(landing);

        List<String> menu = menuLinks(first.body());
        if (shown != null) {
            assertThat(menu).as(user + "'s menu").contains(shown);
        }
        assertThat(menu).as(user + "'s menu").doesNotContain(notShown);
        for (String link : menu) {
            Page target = follow(browser, link);
            assertThat(target.status()).as(user + " opens menu link " + link + " (ends at " + target.path() + ")")
                    .isEqualTo(200);
            assertThat(target.path()).as(user + " opens menu link " + link).doesNotStartWith("/login");
        }
    }

    private static List<String> menuLinks(String page) {
        List<String> links = new ArrayList<>();
        Matcher nav = NAV.matcher(page);
        if (nav.find()) {
            Matcher link = LINK.matcher(nav.group(1));
            while (link.find()) {
                links.add(link.group(1));
            }
        }
        return links;
    }

    private record Page(int status, String path, String body) {
    }

    /** GET as a browser would, following redirects within the app, reporting where it ended. */
    private Page follow(HttpClient browser, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + path);
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return new Page(response.statusCode(), uri.getPath(), response.body());
            }
            uri = uri.resolve(location);
        }
        throw new AssertionError("too many redirects from " + path);
    }

    private HttpClient loggedIn(String user) {
        return FormLogin.loggedIn(port, user);
    }
}
