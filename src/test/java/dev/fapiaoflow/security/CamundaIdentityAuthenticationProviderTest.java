package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import dev.fapiaoflow.support.AtOnce;

/**
 * The bcrypt checks the provider asks the identity store for: one per account while calls with the same credentials
 * arrive together, however many there are (bcrypt is slow by design). The store, the locks and the throttle are
 * stand-ins; {@link LoginSecurityTest} runs the real ones.
 */
class CamundaIdentityAuthenticationProviderTest {

    private final IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final AtomicInteger checks = new AtomicInteger();
    private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(
            identityService, mock(AccountLocks.class), new VerifiedCredentials(), mock(LoginThrottle.class));

    CamundaIdentityAuthenticationProviderTest() {
        UserEntity alice = new UserEntity("alice");
        alice.setDbPassword("{BCRYPT}$2a$10$stored");
        when(identityService.createUserQuery().userId("alice").singleResult()).thenReturn(alice);
        when(identityService.createGroupQuery().groupMember("alice").list()).thenReturn(List.of());
        when(identityService.checkPassword(anyString(), anyString())).thenAnswer(call -> {
            checks.incrementAndGet();
            Thread.sleep(200);   // bcrypt is slow by design: the callers overlap while it runs
            return "demo".equals(call.getArgument(1));
        });
    }

    @Test
    void callsArrivingTogetherWithTheSameCredentialsCostOneCheck() throws Exception {
        List<Authentication> results = AtOnce.call(8, () -> provider.authenticate(basic("alice", "demo")));

        assertThat(results).hasSize(8).allMatch(Authentication::isAuthenticated);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordArrivingTogetherWithTheRightOneIsCheckedAndRefused() throws Exception {
        List<String> outcomes = AtOnce.call(List.of(() -> outcome("demo"), () -> outcome("Demo")));

        assertThat(outcomes).containsExactly("signed in", "refused");
        assertThat(checks).as("the wrong password is never taken for the verified one").hasValue(2);
    }

    private String outcome(String password) {
        try {
            return provider.authenticate(basic("alice", password)).isAuthenticated() ? "signed in" : "not authenticated";
        } catch (BadCredentialsException refused) {
            return "refused";
        }
    }

    private static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
