package dev.fapiaoflow.periodic;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link PeriodicInvoicingApiTest} marked {@link OnMariaDbToo}, again on the {@code mysql} profile
 * against MariaDB: the run record's primary key and the order claims under InnoDB's locking when two runs meet, and
 * the V50 migration on MariaDB.
 */
@MariaDbIntegrationTest
class PeriodicInvoicingApiIT extends PeriodicInvoicingApiTest {
}
