package dev.fapiaoflow.shared;

import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached right now (restarting, failing over, connection pool
 * exhausted while it is away), as opposed to a fault of the request or of the code: then nothing was written, and the
 * caller may simply try again a little later.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t.getClass().getName().equals("com.mysql.cj.exceptions.CJCommunicationsException")) {
                return true;
            }
        }
        return false;
    }
}
