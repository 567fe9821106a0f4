package dev.fapiaoflow.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of every Spring test: one shared application context (same configuration everywhere, so Spring's
 * test context cache starts it once), an in-memory H2, demo users, a real SMTP server and a live port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class SpringTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.test.web.servlet.MockMvc mockMvc;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }

    /** An HTTP client logged in as one of the demo users (password "demo"). */
    protected RestClient client(String user) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    protected static HttpHeaders noHeaders() {
        return new HttpHeaders();
    }
}
