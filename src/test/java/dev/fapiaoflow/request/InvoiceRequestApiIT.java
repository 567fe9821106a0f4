package dev.fapiaoflow.request;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link InvoiceRequestApiTest} marked {@link OnMariaDbToo}, again on the {@code mysql} profile against
 * MariaDB: order claims under concurrency, idempotency, issuance and delivery on InnoDB's locking.
 */
@MariaDbIntegrationTest
class InvoiceRequestApiIT extends InvoiceRequestApiTest {
}
