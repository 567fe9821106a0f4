package dev.fapiaoflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.ServletException;

/** While the database is away the API answers 503 with Retry-After (nothing was written), not 500. */
class DatabaseOutageAnswerTest {

    @RestController
    static class Failing {
        @PostMapping("/fail")
        void fail(@RequestParam String how) {
            throw switch (how) {
                // what the faults run (bench/faults.sh) saw while MariaDB restarted
                case "pool" -> new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 10000ms"));
                case "engine" -> new ProcessEngineException("Process engine persistence exception",
                        new RuntimeException(new java.sql.SQLRecoverableException("Communications link failure",
                                new ConnectException("Connection refused"))));
                case "jdbc" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
                case "commit" -> new org.springframework.dao.RecoverableDataAccessException(
                        "Hibernate transaction: Unable to commit against JDBC Connection; Communications link failure");
                default -> new ProcessEngineException("Unknown property used in expression: ${nope}");
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void aDatabaseThatCannotBeReachedIsAnswered503WithRetryAfter() throws Exception {
        for (String how : new String[] {"pool", "engine", "jdbc", "commit"}) {
            mvc.perform(post("/fail").param("how", how))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.type").value("https://fapiaoflow.dev/problems/overloaded"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("database")));
        }
    }

    @Test
    void anyOtherEngineFailureIsNotDisguisedAsAnOutage() {
        assertThatThrownBy(() -> mvc.perform(post("/fail").param("how", "expression")))
                .isInstanceOf(ServletException.class).hasRootCauseInstanceOf(ProcessEngineException.class);
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("no usable invoice draft"))).isFalse();
    }
}
