package dev.fapiaoflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.SpringTestBase;

/** Appends racing on MariaDB (InnoDB row lock on the head) chain one after another: no fork, no gap. */
@MariaDbIntegrationTest
class DocumentLedgerConcurrencyIT extends SpringTestBase {

    @Autowired
    DocumentLedger ledger;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void appendsAtOnceFromManyThreadsDoNotForkTheChain() throws Exception {
        new IssuedInvoices(this::client).forAlice("64.00");

        List<LedgerEntry> entries = LedgerAppends.allAtOnce(ledger, transactions, 8);

        assertThat(entries).extracting(LedgerEntry::seq).doesNotHaveDuplicates();
        assertThat(entries).extracting(LedgerEntry::previousHash).doesNotHaveDuplicates();
        ChainCheck check = ledger.check();
        assertThat(check.problem()).isNull();
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isGreaterThanOrEqualTo(9);
    }
}
