package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Checks racing on MariaDB: several parties matching one invoice at the same moment, or mismatching it, leave exactly
 * one open flag of the kind, whose count includes every party (InnoDB's unique index on {@code open_key} settles
 * the race, the loser brings the count up).
 */
@MariaDbIntegrationTest
class AnomalyFlagConcurrencyIT extends SpringTestBase {

    private static final List<String> PARTIES = List.of("alice", "reviewer", "manager", "service", "owner");

    @Autowired
    AnomalyFlags flags;

    @Test
    void partiesMatchingAtOnceRaiseOneFlagCountingThemAll() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("1301.00");

        List<String> results = allAtOnce(Checks.of(invoice));

        assertThat(results).containsOnly("MATCH").hasSize(PARTIES.size());
        List<AnomalyFlagView> raised = flags.list(new AnomalyFilter(AnomalyKind.MULTIPLE_VERIFIERS, null, null, null,
                invoice.get("id").asLong()), 0, 10);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).open()).isTrue();
        assertThat(raised.get(0).evidence()).isEqualTo(PARTIES.size());
    }

    @Test
    void mismatchesAtOnceRaiseOneBurstFlag() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("1302.00");

        List<String> results = allAtOnce(Checks.wrongTotalOf(invoice));

        assertThat(results).containsOnly("MISMATCH").hasSize(PARTIES.size());
        assertThat(flags.list(new AnomalyFilter(AnomalyKind.MISMATCH_BURST, null, null, null, invoice.get("id").asLong()), 0, 10))
                .hasSize(1);
    }

    /** Every party sends the check at the same moment; gives their results. */
    private List<String> allAtOnce(Map<String, Object> check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARTIES.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (String party : PARTIES) {
                answers.add(pool.submit(() -> {
                    start.await();
                    JsonNode answer = client(party).post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                            .body(check).retrieve().body(JsonNode.class);
                    return answer.path("result").asText();
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
