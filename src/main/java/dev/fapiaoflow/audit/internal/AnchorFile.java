package dev.fapiaoflow.audit.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.audit.AnchorLog;
import dev.fapiaoflow.audit.AuditAnchor;
import dev.fapiaoflow.signing.StatementSigner;

/**
 * This node's anchor file: lines are only ever appended (and forced to disk), never rewritten; reading keeps only
 * anchors signed by the document-signing key.
 */
@Component
class AnchorFile {

    private final Path path;
    private final PublicKey publicKey;
    private final UnaryOperator<String> signer;

    @org.springframework.beans.factory.annotation.Autowired
    AnchorFile(AuditProperties properties, StatementSigner signer) {
        this(properties.anchorFile(), signer.publicKey(), signer::sign);
    }

    /** @param signer the base64 signature of a statement, checked with {@code publicKey} */
    AnchorFile(Path path, PublicKey publicKey, UnaryOperator<String> signer) {
        this.path = path;
        this.publicKey = publicKey;
        this.signer = signer;
    }

    Path path() {
        return path;
    }

    AnchorLog read() {
        try {
            return AnchorLog.read(path, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor file " + path, e);
        }
    }

    AuditAnchor sign(Instant at, long seq, String headMac) {
        AuditAnchor unsigned = new AuditAnchor(at, seq, headMac, "");
        return new AuditAnchor(at, seq, headMac, signer.apply(unsigned.statement()));
    }

    synchronized void append(AuditAnchor anchor) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            boolean fresh = Files.notExists(path);
            String text = (fresh ? AnchorLog.HEADER + "\n" : "") + anchor.line() + "\n";
            try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit anchor file " + path, e);
        }
    }

    /** The last line parsed, unverified: only to skip anchoring a head that is already anchored. */
    synchronized Optional<AuditAnchor> lastLine() {
        if (Files.notExists(path)) {
            return Optional.empty();
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long from = Math.max(0, file.length() - 4096);
            byte[] tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
            return AuditAnchor.parse(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor file " + path, e);
        }
    }
}
