package dev.fapiaoflow.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.fapiaoflow.signing.StatementSigner;

/**
 * Reads an anchor file (one {@link AuditAnchor} a line; lines starting with {@code #} are comments) and keeps only
 * anchors signed by the given public key. A line that is not a well-formed, correctly signed anchor is refused and
 * named: someone changed the file.
 *
 * @param anchors the valid anchors, in file order
 * @param refused the first refused line ("line 7: …"), null when every line is valid
 */
public record AnchorLog(List<AuditAnchor> anchors, String refused) {

    public static final String HEADER = "# FapiaoFlow audit anchors, one a line: <time> <entry seq> <entry MAC> <ECDSA signature"
            + " (base64) by the document-signing key over fapiaoflow-audit-anchor-v1|<time>|<seq>|<MAC>>";

    public static AnchorLog none() {
        return new AnchorLog(List.of(), null);
    }

    public static AnchorLog read(Path file, PublicKey signer) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return none();
        }
        return of(lines, signer);
    }

    public static AnchorLog of(List<String> lines, PublicKey signer) {
        List<AuditAnchor> anchors = new ArrayList<>();
        String refused = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Optional<AuditAnchor> anchor = AuditAnchor.parse(line);
            if (anchor.isEmpty()) {
                refused = refused != null ? refused : "anchor line " + (i + 1) + " is not an anchor: refused";
            } else if (!StatementSigner.verify(signer, anchor.get().statement(), anchor.get().signature())) {
                refused = refused != null ? refused : "anchor line " + (i + 1)
                        + " is not signed by the document-signing key: refused (the anchor file was changed)";
            } else {
                anchors.add(anchor.get());
            }
        }
        return new AnchorLog(List.copyOf(anchors), refused);
    }

    public Optional<AuditAnchor> last() {
        return anchors.isEmpty() ? Optional.empty() : Optional.of(anchors.get(anchors.size() - 1));
    }
}
