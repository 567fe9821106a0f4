package dev.fapiaoflow.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.digest.Default16ByteSaltGenerator;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * The administrators' way back in that needs no other administrator: run on the server, against the database, it
 * lifts every lock of an account (the administrator's lock, the login back-off and bounded lock, Camunda's failure
 * count) and, with {@code --reset-password}, sets a new password read from standard input (never from the command
 * line, which other users of the server can see). The application may keep running on MySQL/MariaDB; the embedded H2
 * file is opened by one process at a time, so stop the application first. Like {@code audit.AuditChainCommand}:
 * <pre>
 * java -cp fapiaoflow.jar -Dloader.main=dev.fapiaoflow.security.UnlockAccountCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--reset-password] &lt;user-id&gt; &lt;jdbc-url&gt; [db-user] [db-password]
 * </pre>
 * Exit code 0 when done, 1 when there is no such user, 2 on a usage, password or connection error.
 */
public final class UnlockAccountCommand {

    static final String RESET_PASSWORD = "--reset-password";
    /** the bcrypt cost of the application's default ({@code fapiaoflow.security.bcrypt-strength}) */
    static final int BCRYPT_STRENGTH = 10;

    private UnlockAccountCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] arguments, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(arguments));
        boolean reset = args.remove(RESET_PASSWORD);
        if (args.size() < 2 || args.size() > 4) {
            err.println("usage: UnlockAccountCommand [" + RESET_PASSWORD + "] <user-id> <jdbc-url> [db-user] [db-password]"
                    + "  (with " + RESET_PASSWORD + ", the new password is read from standard input)");
            return 2;
        }
        String userId = args.get(0);
        String password = null;
        if (reset) {
            password = newPassword(in, out);
            String problem = passwordProblem(password);
            if (problem != null) {
                err.println("password not changed: " + problem);
                return 2;
            }
        }
        try (Connection connection = DriverManager.getConnection(args.get(1), args.size() > 2 ? args.get(2) : null,
                args.size() > 3 ? args.get(3) : null)) {
            connection.setAutoCommit(false);
            if (!exists(connection, userId)) {
                err.println("no user " + userId + " in this database");
                return 1;
            }
            update(connection, "DELETE FROM account_lock WHERE user_id = ?", userId);
            update(connection, "DELETE FROM login_failure WHERE user_id = ?", userId);
            update(connection, "UPDATE ACT_ID_USER SET ATTEMPTS_ = 0, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?", userId);
            if (password != null) {
                setPassword(connection, userId, password);
            }
            connection.commit();
            out.println("unlocked " + userId + (password != null ? " and set a new password" : "")
                    + "; every node lets the account in at its next login");
            return 0;
        } catch (SQLException e) {
            err.println("cannot unlock " + userId + ": " + e.getMessage());
            return 2;
        }
    }

    /** Camunda's format: bcrypt of the password followed by a salt of its own, kept beside it (PasswordHashingPlugin). */
    private static void setPassword(Connection connection, String userId, String password) throws SQLException {
        String salt = new Default16ByteSaltGenerator().generateSalt();
        String hash = "{" + BcryptPasswordEncryptor.ALGORITHM + "}"
                + new BcryptPasswordEncryptor(BCRYPT_STRENGTH).encrypt(EncryptionUtil.saltPassword(password, salt));
        try (PreparedStatement statement = connection.prepareStatement("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?")) {
            statement.setString(1, hash);
            statement.setString(2, salt);
            statement.setString(3, userId);
            statement.executeUpdate();
        }
    }

    private static String newPassword(InputStream in, PrintStream out) {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] typed = console.readPassword("new password for the account: ");
            return typed == null ? null : new String(typed);
        }
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** the rules of UserAdministration, which this command cannot call (it runs without the application) */
    static String passwordProblem(String password) {
        if (password == null || password.length() < UserAdministration.MIN_PASSWORD) {
            return "at least " + UserAdministration.MIN_PASSWORD + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > UserAdministration.MAX_PASSWORD_BYTES) {
            return "at most " + UserAdministration.MAX_PASSWORD_BYTES + " bytes (UTF-8)";
        }
        return null;
    }

    private static boolean exists(Connection connection, String userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?")) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        }
    }

    private static void update(Connection connection, String sql, String userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, userId);
            statement.executeUpdate();
        }
    }
}
