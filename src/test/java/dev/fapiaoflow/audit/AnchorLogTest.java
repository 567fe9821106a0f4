package dev.fapiaoflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An anchor counts only as written and signed by the document-signing key; any other line is refused by number. */
class AnchorLogTest {

    private static final String MAC = "mac:01" + "ab".repeat(36);

    private final KeyPair signing = keyPair();
    private final KeyPair other = keyPair();

    @Test
    void signedAnchorsAreReadBackWithTheirSequenceAndMac() {
        List<String> lines = List.of(AnchorLog.HEADER, signed(signing, 41, MAC).line(), "", signed(signing, 57, MAC).line());

        AnchorLog log = AnchorLog.of(lines, signing.getPublic());

        assertThat(log.refused()).isNull();
        assertThat(log.anchors()).extracting(AuditAnchor::seq).containsExactly(41L, 57L);
        assertThat(log.last()).get().extracting(AuditAnchor::headMac).isEqualTo(MAC);
    }

    @Test
    void aLineWhoseSequenceNumberWasChangedIsRefused() {
        String genuine = signed(signing, 41, MAC).line();
        String tampered = genuine.replace(" 41 ", " 40 ");

        AnchorLog log = AnchorLog.of(List.of(AnchorLog.HEADER, signed(signing, 12, MAC).line(), tampered), signing.getPublic());

        assertThat(log.refused()).startsWith("anchor line 3 is not signed by the document-signing key");
        assertThat(log.anchors()).extracting(AuditAnchor::seq).containsExactly(12L);
    }

    @Test
    void aLineWhoseMacWasChangedIsRefused() {
        String tampered = signed(signing, 41, MAC).line().replace(MAC, "mac:01" + "cd".repeat(36));

        assertThat(AnchorLog.of(List.of(tampered), signing.getPublic()).refused()).startsWith("anchor line 1 is not signed");
    }

    @Test
    void aLineSignedWithAnotherKeyIsRefused() {
        AnchorLog log = AnchorLog.of(List.of(signed(other, 41, MAC).line()), signing.getPublic());

        assertThat(log.refused()).startsWith("anchor line 1 is not signed");
        assertThat(log.anchors()).isEmpty();
    }

    @Test
    void aLineThatIsNoAnchorIsRefused() {
        AnchorLog log = AnchorLog.of(List.of(signed(signing, 3, MAC).line(), "2026-12-03T08:00:00Z 4 deadbeef xyz"),
                signing.getPublic());

        assertThat(log.refused()).isEqualTo("anchor line 2 is not an anchor: refused");
    }

    private static AuditAnchor signed(KeyPair key, long seq, String mac) {
        AuditAnchor unsigned = new AuditAnchor(Instant.parse("2026-12-03T08:00:00Z"), seq, mac, "");
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key.getPrivate());
            signature.update(unsigned.statement().getBytes(StandardCharsets.UTF_8));
            return new AuditAnchor(unsigned.at(), seq, mac, Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
