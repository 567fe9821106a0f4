package dev.fapiaoflow.audit;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Checks the audit chain of a database without starting the application, e.g. against a backup:
 * {@code java -cp fapiaoflow.jar -Dloader.main=dev.fapiaoflow.audit.AuditChainCommand
 * org.springframework.boot.loader.launch.PropertiesLauncher <jdbc-url> [user] [password]}.
 * Exit code 0 when intact, 1 when an entry was changed or removed, 2 on a usage or connection error.
 */
public final class AuditChainCommand {

    private AuditChainCommand() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: AuditChainCommand <jdbc-url> [user] [password]");
            System.exit(2);
        }
        String user = args.length > 1 ? args[1] : null;
        String password = args.length > 2 ? args[2] : null;
        try (Connection connection = DriverManager.getConnection(args[0], user, password)) {
            ChainCheck.Result result = ChainCheck.walk(connection);
            System.out.println(result.intact() ? "audit chain intact: " + result.entriesChecked() + " entries"
                    : "audit chain BROKEN at entry " + result.brokenSeq() + ": " + result.problem());
            System.exit(result.intact() ? 0 : 1);
        } catch (java.sql.SQLException e) {
            System.err.println("cannot read the audit chain: " + e.getMessage());
            System.exit(2);
        }
    }
}
