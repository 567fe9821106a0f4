package dev.fapiaoflow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.fapiaoflow.audit.AuditEntry;
import dev.fapiaoflow.audit.ChainCheck;
import dev.fapiaoflow.audit.ChainMac;

/**
 * A database whose audit chain was written with plain SHA-256 (before issue 16) is migrated (V165) and continued
 * with keyed entries: the old entries still verify and are still guarded, the keyed chain cannot be turned back into
 * plain hashes, and a rotated audit keyset still verifies what the old key MACed. On H2, with the real migrations.
 */
class KeyedChainMigrationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path folder;

    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private Flyway flyway;
    private KeysetHandle keyset;
    private ChainMac mac;
    private AnchorFile anchors;
    private AuditStore store;
    private String legacyHead;

    @BeforeEach
    void legacyChainOfThreeEntriesMigrated() throws GeneralSecurityException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").target("150")
                .load().migrate();
        // the chain as the application wrote it before the keyed format
        String previous = AuditEntry.GENESIS;
        for (long seq = 1; seq <= 3; seq++) {
            AuditEntry entry = new AuditEntry(seq, NOW.minusSeconds(600 - seq), "reviewer", "TEST LEGACY " + seq, "test",
                    Long.toString(seq), "203.0.113.7", "details " + seq, previous, null).withHash();
            insert(entry);
            previous = entry.hash();
        }
        jdbc.update("UPDATE audit_chain_head SET last_seq = 3, last_hash = ? WHERE id = 1", previous);
        legacyHead = previous;
        flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load();
        flyway.migrate();

        MacConfig.register();
        keyset = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
        mac = ChainMac.of(keyset);
        KeyPair signing = keyPair();
        anchors = new AnchorFile(folder.resolve("audit-anchors.log"), signing.getPublic(), text -> sign(signing, text));
        store = new AuditStore(jdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC), mac, anchors);
    }

    @Test
    void entriesHashedWithSha256BeforeTheMigrationStillVerifyAndAKeyedMarkerContinuesThem() {
        store.sequenceQueued();
        store.appendAlone(List.of(draft("after one"), draft("after two")));

        ChainCheck.Result result = store.verify();

        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(6);
        List<AuditEntry> chain = entries();
        assertThat(chain).extracting(AuditEntry::action).containsExactly("TEST LEGACY 1", "TEST LEGACY 2", "TEST LEGACY 3",
                AuditStore.KEYED_MARKER, "TEST KEYED", "TEST KEYED");
        assertThat(chain.subList(0, 3)).allSatisfy(old -> assertThat(old.hash()).hasSize(64).doesNotStartWith("mac:"));
        assertThat(chain.get(3).prevHash()).isEqualTo(legacyHead);
        assertThat(chain.subList(3, 6)).allSatisfy(keyed -> assertThat(keyed.hash()).startsWith(ChainMac.PREFIX));
    }

    @Test
    void anOldEntryChangedAfterTheMigrationIsStillNamed() {
        store.sequenceQueued();
        jdbc.update("UPDATE audit_entry SET details = 'forged' WHERE seq = 2");

        ChainCheck.Result result = store.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(2);
    }

    @Test
    void keyedEntriesRewrittenWithRecomputedSha256HashesAreABreak() {
        store.appendAlone(List.of(draft("one"), draft("two")));
        store.sequenceQueued();

        // a database writer without the key forges entry 5 and recomputes plain hashes from there, head included
        rewriteFrom(5, "mallory");

        ChainCheck.Result result = store.check();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(5);
        assertThat(result.problem()).contains("entry 5 was changed", "plain hash after keyed entries");
    }

    @Test
    void aChainTurnedBackIntoPlainHashesEntirelyIsABreak() {
        store.appendAlone(List.of(draft("one")));
        store.sequenceQueued();

        rewriteFrom(4, "system");

        ChainCheck.Result result = store.check();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("no entry has a MAC under the audit key");
    }

    @Test
    void afterTheAuditKeysetIsRotatedEntriesOfTheOldKeyStillVerify() throws GeneralSecurityException {
        store.appendAlone(List.of(draft("old key")));
        store.sequenceQueued();
        KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedMacParameters.HMAC_SHA256_256BITTAG).withRandomId()
                        .makePrimary())
                .build();
        AuditStore afterRotation = new AuditStore(jdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC), ChainMac.of(rotated),
                anchors);

        afterRotation.appendAlone(List.of(draft("new key")));
        afterRotation.sequenceQueued();

        assertThat(afterRotation.check().intact()).as(afterRotation.check().toString()).isTrue();
        // the new entry names the new key: the old keyset alone cannot vouch for it
        assertThat(store.check().brokenSeq()).isEqualTo(6);
    }

    @Test
    void theHeadIsAnchoredOnceAndNeverWhenItsMacDoesNotVerify() {
        AuditAnchoring anchoring = new AuditAnchoring(store, anchors, mac, jdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        store.appendAlone(List.of(draft("one")));

        assertThat(anchoring.anchorNow()).get().extracting(a -> a.seq()).isEqualTo(5L);
        assertThat(anchoring.anchorNow()).as("an unchanged head is held by the anchor already written").get()
                .extracting(a -> a.seq()).isEqualTo(5L);
        store.appendAlone(List.of(draft("two")));
        store.sequenceQueued();
        jdbc.update("UPDATE audit_entry SET details = 'forged' WHERE seq = 6");
        assertThat(anchoring.anchorNow()).as("a forged head is not vouched for").isEmpty();

        assertThat(anchors.read().anchors()).as("one line for head 5, none for the forged head 6").extracting(a -> a.seq())
                .containsExactly(5L);
        assertThat(anchors.read().refused()).isNull();
    }

    private void rewriteFrom(long from, String actor) {
        List<AuditEntry> chain = entries();
        String previous = chain.get((int) from - 2).hash();
        for (AuditEntry entry : chain.subList((int) from - 1, chain.size())) {
            AuditEntry forged = new AuditEntry(entry.seq(), entry.occurredAt(), entry.seq() == from ? actor : entry.actor(),
                    entry.action(), entry.objectType(), entry.objectId(), entry.remoteAddress(), entry.details(), previous,
                    null).withHash();
            jdbc.update("UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?", forged.actor(),
                    forged.prevHash(), forged.hash(), forged.seq());
            previous = forged.hash();
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", previous);
    }

    private List<AuditEntry> entries() {
        return jdbc.query("SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address, details, prev_hash,"
                + " hash FROM audit_entry ORDER BY seq", (rows, i) -> ChainCheck.readRow(rows));
    }

    private void insert(AuditEntry entry) {
        jdbc.update("INSERT INTO audit_entry (seq, occurred_at, actor, action, object_type, object_id, remote_address, details,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.seq(),
                LocalDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actor(), entry.action(), entry.objectType(),
                entry.objectId(), entry.remoteAddress(), entry.details(), entry.prevHash(), entry.hash());
    }

    private static AuditStore.Draft draft(String details) {
        return new AuditStore.Draft("reviewer", "TEST KEYED", "test", "x", null, details);
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair key, String text) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key.getPrivate());
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
