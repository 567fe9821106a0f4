package dev.fapiaoflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.audit.internal.AuditAnchoring;
import dev.fapiaoflow.audit.internal.AuditStore;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * The audit trail: what is recorded, the admin's search, and that a changed or removed entry is named, also when a
 * database writer rewrites the tail with recomputed hashes (no audit key) or MACs (audit key stolen: the signed
 * anchors outside the database tell).
 */
class AuditTrailTest extends SpringTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditStore store;
    @Autowired
    AuditAnchoring anchoring;
    @Autowired
    ChainMac mac;
    @Autowired
    Environment environment;

    private static RequestPostProcessor as(String id, String group) {
        return user(id).authorities(new SimpleGrantedAuthority(group));
    }

    @Test

    @OnMariaDbToo("the audit queue and chain on MariaDB")
    void aStateChangeAndAReadOfDecryptedDataAreRecordedWithWhoWhatWhichAndWhere() throws Exception {
        long before = lastSeq();
        String location = mockMvc.perform(post("/api/buyer-profiles").with(as("acme", "customer"))
                        .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; })
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Requests.uniqueAcmeProfile())))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mockMvc.perform(get("/api/buyer-profiles").with(as("acme", "customer"))).andExpect(status().isOk());
        mockMvc.perform(post("/api/buyer-profiles").with(as("acme", "customer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"buyerType\":\"nonsense\"}")).andExpect(status().isBadRequest());

        store.sequenceQueued();
        List<Map<String, Object>> entries = jdbc.queryForList(
                "SELECT actor, action, object_type, object_id, remote_address FROM audit_entry WHERE seq > ? AND actor = 'acme'"
                        + " ORDER BY seq", before);
        assertThat(entries).extracting(e -> e.get("action"))
                .containsSubsequence("POST /api/buyer-profiles", "READ buyer-profiles");
        Map<String, Object> created = entries.get(0);
        assertThat(value(created, "remote_address")).isEqualTo("203.0.113.7");
        assertThat(value(created, "object_id")).isEqualTo(location.substring(location.indexOf("/api/")));
        // the refused request changed nothing and is not in the trail
        assertThat(entries).hasSize(2);
    }

    @Test
    void aSingleCheckIsKeptInTheVerificationRecordsNotTwiceInTheTrail() throws Exception {
        long before = lastSeq();
        String number = String.format("%020d", System.nanoTime() % 100_000_000_000L);
        mockMvc.perform(post("/api/verifications").with(as("acme", "customer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"" + number + "\",\"issueDate\":\"2026-01-05\",\"totalAmount\":\"10.00\"}"))
                .andExpect(status().isOk());
        mockMvc.perform(post("/api/buyer-profiles").with(as("acme", "customer"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Requests.uniqueAcmeProfile())))
                .andExpect(status().isCreated());

        store.sequenceQueued();
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE seq > ? AND actor = 'acme'", String.class, before))
                .as("the profile is in the trail, the check is not").contains("POST /api/buyer-profiles")
                .doesNotContain("POST /api/verifications");
        assertThat(jdbc.queryForList("SELECT result FROM verification_record WHERE invoice_number = ? AND user_id = 'acme'",
                String.class, number)).containsExactly("NOT_FOUND");
    }

    @Test
    void aFailedLoginIsRecordedWithTheNameTried() {
        long before = lastSeq();
        // a name no other test logs in with: a failed login delays that user's next logins (Camunda's login throttling)
        String tried = "mallory" + System.nanoTime();
        int status = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(tried, "wrong-password")).build()
                .get().uri("/api/buyer-profiles").exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(401);
        store.sequenceQueued();
        assertThat(jdbc.queryForList("SELECT object_id FROM audit_entry WHERE seq > ? AND action = 'LOGIN FAILED'", String.class,
                before)).contains(tried);
    }

    @Test

    @OnMariaDbToo("the search's SQL with paging")
    void adminSearchesByActorActionAndTimeWithPagingAndOthersMayNot() throws Exception {
        audit.record("auditor-test", "TEST SEARCH one", "test", "1", null);
        audit.record("auditor-test", "TEST SEARCH two", "test", "2", null);
        audit.record("auditor-test", "OTHER", "test", "3", null);

        JsonNode page = json.readTree(mockMvc.perform(get("/api/audit").with(as("admin", "admin"))
                        .param("actor", "auditor-test").param("action", "TEST SEARCH").param("from", "2020-01-01").param("size", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode next = json.readTree(mockMvc.perform(get("/api/audit").with(as("admin", "admin"))
                        .param("actor", "auditor-test").param("action", "TEST SEARCH").param("size", "1").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode future = json.readTree(mockMvc.perform(get("/api/audit").with(as("admin", "admin"))
                        .param("actor", "auditor-test").param("from", "2999-01-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("action").asText()).isEqualTo("TEST SEARCH two");
        assertThat(next.get(0).get("action").asText()).isEqualTo("TEST SEARCH one");
        assertThat(future).isEmpty();
        mockMvc.perform(get("/api/audit").with(as("admin", "admin")).param("from", "yesterday")).andExpect(status().isBadRequest());
        mockMvc.perform(get("/api/audit").with(as("reviewer", "finance-reviewer"))).andExpect(status().isForbidden());
        mockMvc.perform(get("/api/audit/chain").with(as("alice", "customer"))).andExpect(status().isForbidden());
        String html = mockMvc.perform(get("/audit").with(as("admin", "admin")).param("actor", "auditor-test"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("TEST SEARCH two", "OTHER");
        mockMvc.perform(get("/audit").with(as("manager", "finance-manager"))).andExpect(status().isForbidden());
    }

    @Test

    @OnMariaDbToo("the chain check reading rows as MariaDB stores them")
    void changingOneEntryInTheDatabaseMakesTheChainCheckNameIt() throws Exception {
        audit.record("auditor-test", "TEST TAMPER", "test", "x", "original details");
        long seq = lastSeqOf("TEST TAMPER");
        assertThat(check().get("intact").asBoolean()).as("chain before tampering: " + check()).isTrue();

        jdbc.update("UPDATE audit_entry SET details = 'forged details' WHERE seq = ?", seq);
        JsonNode changed = check();
        jdbc.update("UPDATE audit_entry SET details = 'original details' WHERE seq = ?", seq);

        assertThat(changed.get("intact").asBoolean()).isFalse();
        assertThat(changed.get("brokenSeq").asLong()).isEqualTo(seq);
        assertThat(changed.get("problem").asText()).contains("entry " + seq + " was changed");
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test
    void rewritingAnEntryWithAFreshHashIsNamedThroughTheNextLink() throws Exception {
        audit.record("auditor-test", "TEST REHASH", "test", "x", "original");
        audit.record("auditor-test", "TEST REHASH next", "test", "y", null);
        long seq = lastSeqOf("TEST REHASH");
        Map<String, Object> row = jdbc.queryForMap("SELECT hash FROM audit_entry WHERE seq = ?", seq);
        AuditEntry original = jdbc.queryForObject("SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                + " details, prev_hash, hash FROM audit_entry WHERE seq = ?", (r, i) -> ChainCheck.readRow(r), seq);
        AuditEntry forged = new AuditEntry(seq, original.occurredAt(), "mallory", original.action(), original.objectType(),
                original.objectId(), original.remoteAddress(), original.details(), original.prevHash(), null).withHash();

        jdbc.update("UPDATE audit_entry SET actor = ?, hash = ? WHERE seq = ?", forged.actor(), forged.hash(), seq);
        JsonNode result = check();
        jdbc.update("UPDATE audit_entry SET actor = ?, hash = ? WHERE seq = ?", original.actor(), value(row, "hash"), seq);

        assertThat(result.get("brokenSeq").asLong()).isEqualTo(seq);
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test

    @OnMariaDbToo("a gap in the sequence as MariaDB leaves it")
    void deletingAnEntryMakesTheChainCheckNameTheMissingOne() throws Exception {
        audit.record("auditor-test", "TEST DELETE", "test", "x", null);
        audit.record("auditor-test", "TEST DELETE next", "test", "y", null);
        long seq = lastSeqOf("TEST DELETE");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", seq);

        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq);
        JsonNode removed = check();
        jdbc.update("INSERT INTO audit_entry (seq, occurred_at, actor, action, object_type, object_id, remote_address, details,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", value(row, "seq"), value(row, "occurred_at"),
                value(row, "actor"), value(row, "action"), value(row, "object_type"), value(row, "object_id"),
                value(row, "remote_address"), value(row, "details"), value(row, "prev_hash"), value(row, "hash"));

        assertThat(removed.get("intact").asBoolean()).isFalse();
        assertThat(removed.get("brokenSeq").asLong()).isEqualTo(seq);
        assertThat(removed.get("problem").asText()).contains("removed");
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test

    @OnMariaDbToo("the chain head's row lock under InnoDB")
    void concurrentAppendsAndSequencersNeverForkTheChain() throws Exception {
        long before = lastSeq();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < 20; i++) {
                    String id = thread + "-" + i;
                    if (i % 5 == 4) {
                        store.sequenceQueued();   // sequencers of several nodes at once, while others append
                    }
                    if (i % 2 == 0) {
                        audit.record("auditor-test", "TEST CONCURRENT", "test", id, null);
                    } else {
                        transaction.executeWithoutResult(s -> {
                            audit.record("auditor-test", "TEST CONCURRENT", "test", id, "in a transaction");
                            audit.record("auditor-test", "TEST CONCURRENT", "test", id + "b", "in a transaction");
                        });
                    }
                }
                return null;
            });
        }
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        store.sequenceQueued();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE seq > ? AND action = 'TEST CONCURRENT'",
                Long.class, before)).isEqualTo(6 * 30L);
        JsonNode result = check();
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
    }

    @Test
    void aTailRewrittenByADatabaseWriterWithRecomputedSha256HashesIsNamed() {
        audit.record("auditor-test", "TEST TAIL", "test", "x", "original");
        audit.record("auditor-test", "TEST TAIL next", "test", "y", null);
        long seq = lastSeqOf("TEST TAIL");

        // without the audit key the writer can only recompute plain hashes, through to the chain head
        ChainCheck.Result result = inRolledBackTransaction(() -> {
            rewriteTail(seq, null);
            return store.check();
        });

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(seq);
        assertThat(result.problem()).contains("entry " + seq + " was changed");
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aTailRewrittenWithTheAuditKeyIsNamedByTheAnchorThatHoldsIt() {
        audit.record("auditor-test", "TEST ANCHORED", "test", "x", "original");
        AuditAnchor anchor = anchoring.anchorNow().orElseThrow();
        audit.record("auditor-test", "TEST AFTER ANCHOR", "test", "y", null);
        store.sequenceQueued();

        // whoever holds the audit key recomputes valid MACs from the anchored entry to the head
        List<ChainCheck.Result> results = inRolledBackTransaction(() -> {
            rewriteTail(anchor.seq(), mac);
            return List.of(jdbc.execute((java.sql.Connection c) -> ChainCheck.walk(c, mac, AnchorLog.none())), store.check());
        });

        assertThat(results.get(0).intact()).as("the MACs alone cannot tell: " + results.get(0)).isTrue();
        ChainCheck.Result againstAnchors = results.get(1);
        assertThat(againstAnchors.intact()).isFalse();
        assertThat(againstAnchors.brokenSeq()).isEqualTo(anchor.seq());
        assertThat(againstAnchors.problem()).contains("differs from the anchor of " + anchor.at());
        assertThat(store.verify().intact()).isTrue();
    }

    @Test

    @OnMariaDbToo("anchors against a table cut back on MariaDB")
    void aTailCutBackBeforeAnAnchorIsNamedAsRemovedEvenWithTheAuditKey() {
        audit.record("auditor-test", "TEST CUT", "test", "x", null);
        AuditAnchor anchor = anchoring.anchorNow().orElseThrow();

        // removing the newest entries and setting the head back to the one before needs no new MAC at all
        ChainCheck.Result result = inRolledBackTransaction(() -> {
            long last = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", Long.class);
            String before = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, anchor.seq() - 1);
            jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", anchor.seq());
            jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", anchor.seq() - 1, before);
            assertThat(last).isGreaterThanOrEqualTo(anchor.seq());
            return store.check();
        });

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(anchor.seq());
        assertThat(result.problem()).contains("were removed: an anchor holds entry " + anchor.seq());
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void adminsDownloadTheSignedAnchorsAndOthersMayNot() throws Exception {
        audit.record("auditor-test", "TEST DOWNLOAD", "test", "x", null);
        AuditAnchor anchor = anchoring.anchorNow().orElseThrow();

        var download = mockMvc.perform(get("/api/audit/anchors").with(as("admin", "admin")))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(download.getHeader("Content-Disposition")).contains("attachment", "audit-anchors.log");
        assertThat(download.getContentAsString()).startsWith(AnchorLog.HEADER).contains(anchor.line());
        mockMvc.perform(get("/api/audit/anchors").with(as("reviewer", "finance-reviewer"))).andExpect(status().isForbidden());
        mockMvc.perform(get("/api/audit/anchors")).andExpect(status().isUnauthorized());
        assertThat(check().get("anchorsChecked").asInt()).isPositive();
        assertThat(mockMvc.perform(get("/audit").with(as("admin", "admin"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/api/audit/anchors\"");
    }

    @Test
    void theCommandLineCheckWalksTheSameChainAgainstDownloadedAnchorsAndRefusesAChangedAnchorLine(@TempDir Path folder)
            throws Exception {
        audit.record("auditor-test", "TEST COMMAND", "test", "x", null);
        AuditAnchor anchor = anchoring.anchorNow().orElseThrow();
        Path anchors = Files.writeString(folder.resolve("audit-anchors.log"), mockMvc.perform(get("/api/audit/anchors")
                .with(as("admin", "admin"))).andReturn().getResponse().getContentAsString());
        Path publicKey = Files.writeString(folder.resolve("key.pem"), mockMvc.perform(
                get("/.well-known/fapiaoflow-verification-key.pem")).andReturn().getResponse().getContentAsString());
        String keyset = environment.getProperty("fapiaoflow.crypto.audit-keyset-file");
        String url = environment.getProperty("spring.datasource.url");
        if (url.startsWith("jdbc:h2:")) {
            // the configured H2 URL names a random database: ask the pool which one it is
            url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        }
        String user = environment.getProperty("spring.datasource.username", "sa");
        String password = environment.getProperty("spring.datasource.password", "");
        String[] args = {url, user, password, "--keyset", keyset, "--anchors", anchors.toString(), "--public-key",
                publicKey.toString()};

        int intact = AuditChainCommand.run(args, null);
        Files.writeString(anchors, Files.readString(anchors).replace(anchor.line(),
                anchor.line().replace(" " + anchor.seq() + " ", " " + (anchor.seq() + 1) + " ")));
        int changedAnchor = AuditChainCommand.run(args, null);
        int withoutKey = AuditChainCommand.run(new String[] {url, user, password}, null);

        assertThat(intact).isZero();
        assertThat(changedAnchor).isEqualTo(1);
        assertThat(withoutKey).isEqualTo(2);
    }

    /** Rewrites every entry from {@code from} to the head (its actor becomes mallory), as a database writer would. */
    private void rewriteTail(long from, ChainMac key) {
        long last = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", Long.class);
        List<AuditEntry> tail = jdbc.query("SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                + " details, prev_hash, hash FROM audit_entry WHERE seq >= ? AND seq <= ? ORDER BY seq",
                (r, i) -> ChainCheck.readRow(r), from, last);
        String previous = tail.get(0).prevHash();
        for (AuditEntry entry : tail) {
            AuditEntry forged = new AuditEntry(entry.seq(), entry.occurredAt(), entry.seq() == from ? "mallory" : entry.actor(),
                    entry.action(), entry.objectType(), entry.objectId(), entry.remoteAddress(), entry.details(), previous, null);
            forged = key == null ? forged.withHash() : forged.withMac(key);
            jdbc.update("UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?", forged.actor(),
                    forged.prevHash(), forged.hash(), forged.seq());
            previous = forged.hash();
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", previous);
    }

    /** the tampering is seen only by the check in the same transaction, and never by the other tests */
    private <T> T inRolledBackTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private JsonNode check() throws Exception {
        return json.readTree(mockMvc.perform(get("/api/audit/chain").with(as("admin", "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long lastSeq() {
        store.sequenceQueued();
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_entry", Long.class);
    }

    private long lastSeqOf(String action) {
        store.sequenceQueued();
        return jdbc.queryForObject("SELECT max(seq) FROM audit_entry WHERE action = ?", Long.class, action);
    }

    /** column values by name whatever case the database reports */
    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
