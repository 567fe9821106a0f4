package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.security.FieldCipher;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator.SimInvoice;

/**
 * The columns this feature seals by JDBC (a foreign check's answer and raw answer, an incoming invoice's check code) are
 * moved under the new key by the key rotation's re-encryption run, and stay readable throughout.
 */
class IncomingKeyRotationTest extends SpringTestBase {

    private static final LocalDate ISSUED = LocalDate.now(TimeConfig.CHINA).minusDays(9);

    @Autowired
    TencentOcrSimulator authority;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;

    @Test
    void theRotationReEncryptsTheForeignChecksAndTheLedgersCheckCodes() {
        String number = String.format("%08d", System.nanoTime() % 100_000_000);
        String checkCode = "98765432109876" + number.substring(2);
        authority.register(new SimInvoice("011002100222", number, ISSUED, "04", new BigDecimal("100.00"), new BigDecimal("6.00"), checkCode,
                "某某培训有限公司", "91110108MA01XYZ12K", "北京某学校", "12110000400000000X", "N"));
        ResponseEntity<JsonNode> registered = client("reviewer").post().uri("/api/incoming-invoices").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "04", "code", "011002100222", "number", number, "issueDate", ISSUED.toString(), "checkCode", checkCode))
                .retrieve().toEntity(JsonNode.class);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        long id = registered.getBody().at("/entry/id").asLong();
        String sealedCode = jdbc.queryForObject("SELECT check_code_sealed FROM incoming_invoice WHERE id = ?", String.class, id);
        assertThat(sealedCode).doesNotContain(checkCode.substring(14));
        assertThat(cipher.decrypt(sealedCode)).as("the last six digits, as the rules ask").isEqualTo(checkCode.substring(14));

        JsonNode rotated = admin("/api/admin/encryption-keys/rotate");
        assertThat(cipher.isUnderPrimaryKey(sealedCode)).isFalse();
        JsonNode report = admin("/api/admin/encryption-keys/re-encrypt");

        assertThat(report.get("primaryKeyId").asInt()).isEqualTo(rotated.get("primaryKeyId").asInt());
        assertThat(report.get("columns").findValuesAsText("column")).contains("answer_sealed", "raw_sealed", "check_code_sealed");
        assertThat(stale("SELECT answer_sealed FROM foreign_check")).isEmpty();
        assertThat(stale("SELECT raw_sealed FROM foreign_check WHERE raw_sealed IS NOT NULL")).isEmpty();
        assertThat(stale("SELECT check_code_sealed FROM incoming_invoice WHERE check_code_sealed IS NOT NULL")).isEmpty();
        String moved = jdbc.queryForObject("SELECT check_code_sealed FROM incoming_invoice WHERE id = ?", String.class, id);
        assertThat(moved).isNotEqualTo(sealedCode);
        assertThat(cipher.decrypt(moved)).isEqualTo(checkCode.substring(14));
        JsonNode detail = client("reviewer").get().uri("/api/incoming-invoices/" + id).retrieve().body(JsonNode.class);
        assertThat(detail.get("rawAnswer").asText()).as("the raw answer stays readable").contains(number);
    }

    private List<String> stale(String query) {
        return jdbc.queryForList(query, String.class).stream().filter(c -> !cipher.isUnderPrimaryKey(c)).toList();
    }

    private JsonNode admin(String path) {
        ResponseEntity<JsonNode> answer = client("admin").post().uri(path).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return answer.getBody();
    }
}
