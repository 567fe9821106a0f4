package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong();
    private final VerifiedCredentials verified = new VerifiedCredentials(now::get);
    private final List<GrantedAuthority> customer = List.of(new SimpleGrantedAuthority("customer"));

    @Test
    void aPasswordVerifiedAMomentAgoIsKnownWithItsGroups() {
        verified.remember("alice", "demo", "{BCRYPT}hash-1", customer);

        assertThat(verified.lookup("alice", "demo", "{BCRYPT}hash-1")).contains(customer);
    }

    @Test
    void anotherPasswordAnotherUserOrAnotherStoredHashIsNotKnown() {
        verified.remember("alice", "demo", "{BCRYPT}hash-1", customer);

        assertThat(verified.lookup("alice", "Demo", "{BCRYPT}hash-1")).isEmpty();
        assertThat(verified.lookup("alice", "demo ", "{BCRYPT}hash-1")).isEmpty();
        assertThat(verified.lookup("bob", "demo", "{BCRYPT}hash-1")).isEmpty();
        assertThat(verified.lookup("alice", "demo", "{BCRYPT}hash-2")).as("password changed since").isEmpty();
        assertThat(verified.lookup("alice", "demo", null)).isEmpty();
    }

    @Test
    void theUserIdAndPasswordAreNotConfusedAtTheirBoundary() {
        verified.remember("ali", "cedemo", "{BCRYPT}hash-1", customer);

        assertThat(verified.lookup("ali", "ce" + "demo", "{BCRYPT}hash-1")).isPresent();
        verified.forget("ali");
        verified.remember("alice", "demo", "{BCRYPT}hash-1", customer);
        assertThat(verified.lookup("ali", "cedemo", "{BCRYPT}hash-1")).isEmpty();
    }

    @Test
    void anEntryLastsAMinuteAndCanBeForgotten() {
        verified.remember("alice", "demo", "{BCRYPT}hash-1", customer);
        now.addAndGet(VerifiedCredentials.LIFETIME.minusSeconds(1).toNanos());
        assertThat(verified.lookup("alice", "demo", "{BCRYPT}hash-1")).isPresent();

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(verified.lookup("alice", "demo", "{BCRYPT}hash-1")).isEmpty();

        verified.remember("alice", "demo", "{BCRYPT}hash-1", customer);
        verified.forget("alice");
        assertThat(verified.lookup("alice", "demo", "{BCRYPT}hash-1")).isEmpty();
    }
}
