package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * The one login: bcrypt hashes in Camunda's store, throttling and lockout on every door (form and Basic), the
 * administrator's lock, the user administration page, CSRF on pages and the security headers.
 */
class LoginSecurityTest extends SpringTestBase {

    @Autowired
    UserAdministration users;

    @Autowired
    IdentityService identityService;

    private String newUser(String... groups) {
        String id = "probe" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserAdministration.NewUser(id, "Probe", "User", null, "correct-horse", List.of(groups)));
        return id;
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String id = newUser(Groups.CUSTOMER);
        assertThat(identityService.createUserQuery().userId(id).singleResult().getPassword()).startsWith("{BCRYPT}$2a$");
        assertThat(identityService.checkPassword(id, "correct-horse")).isTrue();
    }

    @Test
    void aFailedBasicLoginRefusesEvenTheRightPasswordForAWhile() throws InterruptedException {
        String id = newUser(Groups.CUSTOMER);
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(200));

        assertThat(basic(id, "wrong")).isEqualTo(HttpStatusCode.valueOf(401));
        assertThat(basic(id, "correct-horse")).as("throttled right after a failure").isEqualTo(HttpStatusCode.valueOf(401));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpStatusCode later = basic(id, "correct-horse");
        while (later.value() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            later = basic(id, "correct-horse");
        }
        assertThat(later).as("let in again after the delay (3 s)").isEqualTo(HttpStatusCode.valueOf(200));
    }

    @Test
    void aChangedPasswordEndsTheOneVerifiedAMomentAgo() {
        String id = newUser(Groups.CUSTOMER);
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(basic(id, "correct-horse")).as("again, from the verified credentials").isEqualTo(HttpStatusCode.valueOf(200));

        users.setPassword(id, "battery-staple");

        assertThat(basic(id, "battery-staple")).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(401));
    }

    @Test
    void aPasswordChangedInTheIdentityStoreDirectlyEndsTheVerifiedOneToo() {
        String id = newUser(Groups.CUSTOMER);
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(200));

        // as Camunda Admin or another node would: not through UserAdministration
        var user = identityService.createUserQuery().userId(id).singleResult();
        user.setPassword("battery-staple");
        identityService.saveUser(user);

        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(401));
    }

    @Test
    void aRoleTheAdministratorTakesAwayIsGoneAtTheNextCall() {
        String id = newUser(Groups.CUSTOMER);
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(200));

        users.removeFromGroup(id, Groups.CUSTOMER, "admin");

        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(403));
    }

    @Test
    void theLoginFormIsThrottledToo() throws Exception {
        String id = newUser(Groups.CUSTOMER);
        mockMvc.perform(post("/login").param("username", id).param("password", "wrong").with(csrf()))
                .andExpect(header().string("Location", "/login?error"));
        mockMvc.perform(post("/login").param("username", id).param("password", "correct-horse").with(csrf()))
                .andExpect(header().string("Location", "/login?error"));
    }

    @Test
    void anAccountTheAdministratorLockedIsRefusedUntilUnlocked() throws Exception {
        String id = newUser(Groups.CUSTOMER);
        assertThat(basic(id, "correct-horse")).as("verified a moment before the lock").isEqualTo(HttpStatusCode.valueOf(200));
        mockMvc.perform(post("/admin/users/{id}/lock", id).with(httpBasic("admin", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(401));

        mockMvc.perform(post("/admin/users/{id}/unlock", id).with(httpBasic("admin", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(basic(id, "correct-horse")).isEqualTo(HttpStatusCode.valueOf(200));
    }

    @Test
    void theAdministratorCreatesAUserSetsAPasswordAndGrantsARole() throws Exception {
        String id = "created" + UUID.randomUUID().toString().substring(0, 8);
        mockMvc.perform(post("/admin/users").with(httpBasic("admin", "demo")).with(csrf())
                        .param("id", id).param("firstName", "新").param("password", "first-password").param("groups", Groups.CUSTOMER))
                .andExpect(header().string("Location", "/admin/users/" + id));
        assertThat(basic(id, "first-password")).isEqualTo(HttpStatusCode.valueOf(200));

        mockMvc.perform(post("/admin/users/{id}/password", id).with(httpBasic("admin", "demo")).with(csrf())
                .param("password", "second-password")).andExpect(status().is3xxRedirection());
        mockMvc.perform(post("/admin/users/{id}/groups", id).with(httpBasic("admin", "demo")).with(csrf())
                .param("group", Groups.FINANCE_REVIEWER)).andExpect(status().is3xxRedirection());
        assertThat(users.user(id).groups()).containsExactly(Groups.CUSTOMER, Groups.FINANCE_REVIEWER);
        assertThat(basic(id, "second-password")).isEqualTo(HttpStatusCode.valueOf(200));

        String page = mockMvc.perform(get("/admin/users").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-user=\"" + id + "\"");
        mockMvc.perform(post("/admin/users").with(httpBasic("admin", "demo")).with(csrf()).param("id", "x y").param("password", "short"))
                .andExpect(status().isOk());
        assertThat(identityService.createUserQuery().userId("x y").count()).isZero();
    }

    @Test
    void pagesRefuseAPostWithoutTheCsrfToken() throws Exception {
        mockMvc.perform(post("/titles").with(httpBasic("alice", "demo")).param("buyerType", "PERSONAL").param("title", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryTheSecurityHeadersAndHstsOverTls() throws Exception {
        mockMvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mockMvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=")));
    }

    private HttpStatusCode basic(String user, String password) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, password))
                .defaultStatusHandler(code -> true, (request, response) -> { }).build();
        return client.get().uri("/api/invoice-requests").header(HttpHeaders.ACCEPT, "application/json").retrieve()
                .toBodilessEntity().getStatusCode();
    }
}
