package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * A stranger cannot lock an account out for good (issue 16): failures back off per account and client address, the
 * account-wide lock after failures from many addresses lasts a bounded time, and an administrator locked out has a
 * way back on the server that needs no other administrator. Time "passes" by moving the stored lock ends into the
 * past, as the clock would.
 */
class LoginLockoutTest extends SpringTestBase {

    static final String STRANGER = "203.0.113.9";
    static final String OWNER = "198.51.100.20";

    @Autowired
    UserAdministration users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private String newUser(String... groups) {
        String id = "lock" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserAdministration.NewUser(id, "Lock", "Probe", null, "correct-horse", List.of(groups)));
        return id;
    }

    @Test

    @OnMariaDbToo("the per-address counting in the V163 table")
    void aStrangersPacedWrongPasswordsFromOneAddressDoNotLockTheOwnerOutFromAnother() throws Exception {
        String admin = newUser(Groups.ADMIN, Groups.CAMUNDA_ADMIN);
        assertThat(login(admin, "correct-horse", OWNER)).isEqualTo(200);

        for (int i = 0; i < 12; i++) { // more than Camunda's ten that locked for good, each after the back-off ran out
            assertThat(login(admin, "guess-" + i, STRANGER, i % 2 == 0 ? "/api/verifications/history" : "/engine-rest/engine"))
                    .isEqualTo(401);
            timePassesFor(admin, STRANGER);
        }
        assertThat(login(admin, "guess-12", STRANGER)).isEqualTo(401);
        assertThat(login(admin, "correct-horse", STRANGER)).as("the stranger's address waits, even with the right password")
                .isEqualTo(401);
        Instant strangerWaitsUntil = blockedUntil(admin, STRANGER);
        assertThat(strangerWaitsUntil).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(15)));

        assertThat(login(admin, "correct-horse", OWNER)).as("the owner at another address at once").isEqualTo(200);
        assertThat(users.user(admin).lockedAfterFailures()).isFalse();
    }

    @Test

    @OnMariaDbToo("the compare-and-set counting under InnoDB")
    void failuresFromManyAddressesLockTheAccountForABoundedTimeThenItWorksEverywhere() throws Exception {
        String id = newUser(Groups.CUSTOMER);
        for (int i = 1; i <= 50; i++) {
            assertThat(login(id, "guess", "203.0.113." + i)).isEqualTo(401);
        }
        assertThat(login(id, "correct-horse", OWNER)).as("locked for every address now").isEqualTo(401);
        assertThat(users.user(id).lockedAfterFailures()).isTrue();
        Instant lockEnds = blockedUntil(id, LoginThrottle.EVERY_CLIENT);
        assertThat(lockEnds).as("fifteen minutes, not for good")
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(15)));

        timePassesFor(id, null);

        assertThat(login(id, "correct-horse", OWNER)).isEqualTo(200);
        assertThat(login(id, "correct-horse", "203.0.113.7")).as("from a stranger's address too").isEqualTo(200);
        assertThat(users.user(id).lockedAfterFailures()).isFalse();
    }

    @Test
    void theOwnersLoginsInBetweenDoNotGiveStrangersAtManyAddressesMoreGuesses() throws Exception {
        String id = newUser(Groups.CUSTOMER);
        for (int i = 1; i < 50; i++) {
            login(id, "guess", "198.18.0." + i);
            if (i % 10 == 0) {
                assertThat(login(id, "correct-horse", OWNER)).as("the owner, now and then").isEqualTo(200);
            }
        }
        assertThat(login(id, "guess", "198.18.1.1")).isEqualTo(401);

        assertThat(login(id, "correct-horse", OWNER)).as("the fiftieth failure locks all the same").isEqualTo(401);
        assertThat(users.user(id).lockedAfterFailures()).isTrue();
    }

    @Test

    @OnMariaDbToo("the recovery command's plain JDBC against Camunda's ACT_ID_USER")
    void theRecoveryCommandOnTheServerUnlocksAnAdministratorAndSetsANewPassword() throws Exception {
        String admin = newUser(Groups.ADMIN);
        for (int i = 1; i <= 50; i++) {
            login(admin, "guess", "192.0.2." + i);
        }
        assertThat(login(admin, "correct-horse", OWNER)).isEqualTo(401);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = UnlockAccountCommand.run(new String[] {admin, jdbcUrl(), dbUser(), dbPassword()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unlocked " + admin);
        assertThat(login(admin, "correct-horse", "192.0.2.1")).as("at once, from the attacker's addresses too").isEqualTo(200);

        int reset = UnlockAccountCommand.run(new String[] {"--reset-password", admin, jdbcUrl(), dbUser(), dbPassword()},
                new ByteArrayInputStream("a-new-passphrase\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(reset).isZero();
        assertThat(login(admin, "correct-horse", "192.0.2.2")).isEqualTo(401);
        assertThat(login(admin, "a-new-passphrase", "192.0.2.3")).isEqualTo(200);
    }

    @Test
    void theRecoveryCommandRefusesAnUnknownUserAndAShortPassword() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(UnlockAccountCommand.run(new String[] {"nobody-here", jdbcUrl(), dbUser(), dbPassword()}, System.in, quiet, quiet)).isEqualTo(1);
        assertThat(UnlockAccountCommand.run(new String[] {"--reset-password", "admin", jdbcUrl(), dbUser(), dbPassword()},
                new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)), quiet, quiet)).isEqualTo(2);
        assertThat(UnlockAccountCommand.run(new String[] {"admin"}, System.in, quiet, quiet)).isEqualTo(2);
    }

    private int login(String user, String password, String address) throws Exception {
        return login(user, password, address, "/api/verifications/history");
    }

    /** the answer past the security layer is 200 on /api and 404 on /engine-rest (Camunda's servlet is not in MockMvc) */
    private int login(String user, String password, String address, String path) throws Exception {
        int status = mockMvc.perform(get(path).accept("application/json").with(httpBasic(user, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse().getStatus();
        return status == 404 ? 200 : status;
    }

    private Instant blockedUntil(String user, String client) {
        return jdbc.queryForObject("SELECT blocked_until FROM login_failure WHERE user_id = ? AND client = ?", Timestamp.class,
                user, client).toInstant();
    }

    /** as the clock would: every back-off and lock of the user (or of one of its clients) has just run out */
    private void timePassesFor(String user, String client) {
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(1));
        if (client == null) {
            jdbc.update("UPDATE login_failure SET blocked_until = ? WHERE user_id = ?", past, user);
        } else {
            jdbc.update("UPDATE login_failure SET blocked_until = ? WHERE user_id = ? AND client = ?", past, user, client);
        }
    }

    private String jdbcUrl() {
        return ((HikariDataSource) dataSource).getJdbcUrl();
    }

    private String dbUser() {
        return ((HikariDataSource) dataSource).getUsername();
    }

    private String dbPassword() {
        String password = ((HikariDataSource) dataSource).getPassword();
        return password == null ? "" : password;
    }
}
