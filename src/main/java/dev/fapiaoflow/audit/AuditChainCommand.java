package dev.fapiaoflow.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.fapiaoflow.signing.StatementSigner;

/**
 * Checks the audit chain of a database without starting the application, e.g. against a backup:
 * {@code java -cp fapiaoflow.jar -Dloader.main=dev.fapiaoflow.audit.AuditChainCommand
 * org.springframework.boot.loader.launch.PropertiesLauncher <jdbc-url> [user] [password] [--keyset <file>]
 * [--anchors <file> --public-key <pem>]}.
 * <p>
 * The audit MAC keyset (Tink JSON) comes from {@code --keyset} or the environment variable
 * {@code FAPIAOFLOW_AUDIT_KEYSET}. With {@code --anchors} (a downloaded {@code audit-anchors.log}) and the signing
 * key's public half ({@code --public-key}: the PEM of {@code /.well-known/fapiaoflow-verification-key.pem} or the
 * signing certificate), every anchored entry must still be there with the MAC the anchor recorded.
 * Exit code 0 when intact, 1 when an entry was changed or removed (or an anchor line was), 2 on a usage, key or
 * connection error.
 */
public final class AuditChainCommand {

    static final String USAGE = "usage: AuditChainCommand <jdbc-url> [user] [password] [--keyset <file>]"
            + " [--anchors <file> --public-key <pem-file>]";

    private AuditChainCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("FAPIAOFLOW_AUDIT_KEYSET")));
    }

    /** what {@link #main} does, returning the exit code */
    static int run(String[] args, String keysetFromEnvironment) {
        List<String> positional = new ArrayList<>();
        String keysetFile = null;
        String anchorFile = null;
        String publicKeyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keyset", "--anchors", "--public-key" -> {
                    if (i + 1 >= args.length) {
                        return usage(args[i] + " needs a file");
                    }
                    String value = args[++i];
                    switch (args[i - 1]) {
                        case "--keyset" -> keysetFile = value;
                        case "--anchors" -> anchorFile = value;
                        default -> publicKeyFile = value;
                    }
                }
                default -> positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > 3) {
            return usage(null);
        }
        if ((anchorFile == null) != (publicKeyFile == null)) {
            return usage("--anchors and --public-key go together: an anchor counts only with a valid signature");
        }
        ChainMac mac;
        AnchorLog anchors;
        try {
            String keyset = keysetFile != null ? Files.readString(Path.of(keysetFile)) : keysetFromEnvironment;
            if (keyset == null || keyset.isBlank()) {
                return usage("the audit MAC keyset is needed: --keyset <file> or FAPIAOFLOW_AUDIT_KEYSET");
            }
            mac = ChainMac.fromJson(keyset);
            if (anchorFile != null) {
                PublicKey signer = StatementSigner.readPublicKey(Files.readString(Path.of(publicKeyFile)));
                if (Files.notExists(Path.of(anchorFile))) {
                    return usage("no anchor file " + anchorFile);
                }
                anchors = AnchorLog.read(Path.of(anchorFile), signer);
            } else {
                anchors = AnchorLog.none();
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            System.err.println("cannot read the keys or the anchor file: " + e.getMessage());
            return 2;
        }
        String user = positional.size() > 1 ? positional.get(1) : null;
        String password = positional.size() > 2 ? positional.get(2) : null;
        try (Connection connection = DriverManager.getConnection(positional.get(0), user, password)) {
            ChainCheck.Result result = ChainCheck.walk(connection, mac, anchors);
            String against = anchorFile == null ? " (no anchor file given: a rewrite by someone holding the audit key is"
                    + " not detectable)" : ", checked against " + result.anchorsChecked() + " anchors"
                            + (result.lastAnchoredSeq() == null ? "" : " (newest: entry " + result.lastAnchoredSeq() + ")");
            if (result.intact()) {
                System.out.println("audit chain intact: " + result.entriesChecked() + " entries" + against);
            } else if (result.brokenSeq() != null) {
                System.out.println("audit chain BROKEN at entry " + result.brokenSeq() + ": " + result.problem());
            } else {
                System.out.println("audit anchors BROKEN: " + result.problem());
            }
            return result.intact() ? 0 : 1;
        } catch (SQLException e) {
            System.err.println("cannot read the audit chain: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println(USAGE);
        return 2;
    }
}
