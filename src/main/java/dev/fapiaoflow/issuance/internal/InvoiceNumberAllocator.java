package dev.fapiaoflow.issuance.internal;

import java.time.LocalDate;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out invoice numbers that are unique and gap-free across nodes sharing one database.
 *
 * <p>One row per prefix in {@code invoice_number_sequence}, locked with SELECT … FOR UPDATE and
 * incremented in the caller's transaction, which must be the one that stores the invoice: concurrent
 * issuers queue on the row, and a rollback gives the number back. A missing row (first number of a
 * year) is inserted in a short transaction of its own, so the insert is visible to every node before
 * anyone locks it; a duplicate key there means another node was first, and we simply lock its row. The
 * existence check before it is a plain read on purpose: a locking read of a missing row would take a gap
 * lock on MySQL/MariaDB that the separate insert transaction would then wait for. Creating a row thus
 * briefly needs a second connection, once per prefix.
 */
@Component
public class InvoiceNumberAllocator {

    private static final String INSERT_IF_ABSENT = "insert into invoice_number_sequence (prefix, next_value) values (?, 1)";

    private final InvoiceNumberSequenceRepository sequences;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final IssuanceProperties properties;

    InvoiceNumberAllocator(InvoiceNumberSequenceRepository sequences, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, IssuanceProperties properties) {
        this.sequences = sequences;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        InvoiceNumbers.prefix(LocalDate.now(), properties.region(), properties.channel()); // fail at start-up if misconfigured
    }

    /** The next number for an invoice issued on that day (Asia/Shanghai); the row stays locked until commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(LocalDate issueDate) {
        String prefix = prefixOf(issueDate);
        return InvoiceNumbers.number(prefix, lock(prefix).take());
    }

    /**
     * Takes the lock without taking a number, so that a caller can check what was issued before it while
     * no other issuer of that prefix can issue.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(LocalDate issueDate) {
        lock(prefixOf(issueDate));
    }

    public String prefixOf(LocalDate issueDate) {
        return InvoiceNumbers.prefix(issueDate, properties.region(), properties.channel());
    }

    private InvoiceNumberSequence lock(String prefix) {
        if (!sequences.existsById(prefix)) {
            createIfAbsent(prefix);
        }
        return sequences.lock(prefix)
                .orElseThrow(() -> new IllegalStateException("invoice number sequence " + prefix + " vanished"));
    }

    private void createIfAbsent(String prefix) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(INSERT_IF_ABSENT, prefix));
        } catch (DataIntegrityViolationException createdByAnotherIssuer) {
            // fine: the row exists now, and the lock below waits for whoever holds it
        }
    }
}
