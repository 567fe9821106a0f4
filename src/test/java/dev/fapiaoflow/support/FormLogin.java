package dev.fapiaoflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs a demo user in through the app's login form, with its CSRF field, as a browser does. */
public final class FormLogin {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private FormLogin() {
    }

    /** a cookie-keeping client whose session belongs to {@code user} (password {@code demo}) */
    public static HttpClient loggedIn(int port, String user) {
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF_FIELD.matcher(page);
            assertThat(token.find()).as("CSRF field on /login").isTrue();
            String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + user).doesNotContain("error");
            return client;
        } catch (IOException e) {
            throw new IllegalStateException("login of " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("login of " + user, e);
        }
    }
}
