package dev.fapiaoflow.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.Texts;

/**
 * Which request invoices which order. Plain JDBC on purpose: the insert must hit the primary key at
 * once (not at flush time) so that a concurrent second claim fails inside its own request.
 */
@Component
class OrderClaims {

    enum State {
        IN_FLIGHT, INVOICED
    }

    record Claim(String orderNo, long requestId, State state) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OrderClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    void claim(long requestId, Collection<String> orderNos, Instant at) {
        for (String orderNo : orderNos) {
            try {
                jdbc.update("INSERT INTO order_claim (order_no, request_id, state, claimed_at) VALUES (?, ?, ?, ?)",
                        orderNo, requestId, State.IN_FLIGHT.name(), Timestamp.from(at));
            } catch (DuplicateKeyException e) {
                throw new ConflictException(Texts.of("order.alreadyRequested", orderNo));
            }
        }
    }

    Map<String, Claim> claimsOf(Collection<String> orderNos) {
        Map<String, Claim> claims = new HashMap<>();
        if (orderNos.isEmpty()) {
            return claims;
        }
        named.query("SELECT order_no, request_id, state FROM order_claim WHERE order_no IN (:orderNos)",
                Map.of("orderNos", orderNos),
                rs -> {
                    claims.put(rs.getString(1), new Claim(rs.getString(1), rs.getLong(2), State.valueOf(rs.getString(3))));
                });
        return claims;
    }

    List<String> orderNosOf(long requestId) {
        return jdbc.queryForList("SELECT order_no FROM order_claim WHERE request_id = ? ORDER BY order_no", String.class,
                requestId);
    }

    void release(long requestId) {
        jdbc.update("DELETE FROM order_claim WHERE request_id = ? AND state = ?", requestId, State.IN_FLIGHT.name());
    }

    void markInvoiced(long requestId) {
        jdbc.update("UPDATE order_claim SET state = ? WHERE request_id = ?", State.INVOICED.name(), requestId);
    }
}
