package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;

/** A new key encrypts new data, old data stays readable, and re-encryption moves everything under the new key. */
class KeyRotationTest extends SpringTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.fapiaoflow.audit.internal.AuditStore auditStore;
    @Autowired
    ObjectMapper json;
    @Autowired
    FieldCipher cipher;
    @Autowired
    ReEncryption reEncryption;

    private static RequestPostProcessor as(String id, String group) {
        return user(id).authorities(new SimpleGrantedAuthority(group));
    }

    @Test
    void rotatedKeyEncryptsNewDataOldStaysReadableAndReEncryptionMovesEverythingOnceAndIsAudited() throws Exception {
        long before = saveProfile();
        String oldCiphertext = taxIdCiphertext(before);
        JsonNode state = call(post("/api/admin/encryption-keys/rotate"));
        int newPrimary = state.get("primaryKeyId").asInt();

        assertThat(state.get("keyIds")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cipher.isUnderPrimaryKey(oldCiphertext)).isFalse();
        assertThat(cipher.decrypt(oldCiphertext)).as("old data stays readable").isEqualTo("91110108351303601C");
        String listed = mockMvc.perform(get("/api/buyer-profiles").with(as("acme", "customer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("91110108351303601C");
        long after = saveProfile();
        assertThat(cipher.isUnderPrimaryKey(taxIdCiphertext(after))).as("new data under the new key").isTrue();

        JsonNode first = call(post("/api/admin/encryption-keys/re-encrypt").param("batchSize", "7"));
        JsonNode again = call(post("/api/admin/encryption-keys/re-encrypt"));

        assertThat(first.get("primaryKeyId").asInt()).isEqualTo(newPrimary);
        assertThat(first.get("reEncrypted").asLong()).isPositive();
        assertThat(again.get("reEncrypted").asLong()).as("idempotent").isZero();
        assertThat(again.get("scanned").asLong()).isGreaterThanOrEqualTo(first.get("scanned").asLong());
        assertThat(cipher.isUnderPrimaryKey(taxIdCiphertext(before))).isTrue();
        assertThat(cipher.decrypt(taxIdCiphertext(before))).isEqualTo("91110108351303601C");
        List<String> stale = jdbc.queryForList("SELECT tax_id FROM buyer_profile WHERE tax_id IS NOT NULL", String.class).stream()
                .filter(c -> !cipher.isUnderPrimaryKey(c)).toList();
        assertThat(stale).isEmpty();
        auditStore.sequenceQueued();
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE actor = 'admin' AND action LIKE 'KEY %'", String.class))
                .contains("KEY ROTATE", "KEY RE-ENCRYPT");
    }

    @Test
    void theEncryptedColumnsAreFoundInTheMappingIncludingEmbeddedBuyers() {
        List<String> columns = reEncryption.encryptedColumns().stream()
                .map(c -> c.table().toLowerCase() + "." + c.column().toLowerCase()).toList();
        assertThat(columns).contains("buyer_profile.tax_id", "buyer_profile.bank_account", "invoice_request.buyer_tax_id",
                "invoice_request.buyer_bank_account", "invoice.buyer_tax_id", "mail_outbox.body_text");
    }

    @Test
    void onlyAdminsManageKeys() throws Exception {
        mockMvc.perform(post("/api/admin/encryption-keys/rotate").with(as("manager", "finance-manager"))).andExpect(status().isForbidden());
        mockMvc.perform(post("/api/admin/encryption-keys/re-encrypt").with(as("acme", "customer"))).andExpect(status().isForbidden());
        mockMvc.perform(get("/api/admin/encryption-keys").with(as("owner", "process-owner"))).andExpect(status().isForbidden());
        mockMvc.perform(post("/api/admin/encryption-keys/re-encrypt").param("batchSize", "0").with(as("admin", "admin")))
                .andExpect(status().isBadRequest());
    }

    private long saveProfile() throws Exception {
        String location = mockMvc.perform(post("/api/buyer-profiles").with(as("acme", "customer"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Requests.uniqueAcmeProfile())))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String taxIdCiphertext(long profileId) {
        return jdbc.queryForObject("SELECT tax_id FROM buyer_profile WHERE id = ?", String.class, profileId);
    }

    private JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mockMvc.perform(request.with(as("admin", "admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
