package dev.fapiaoflow.request;

import dev.fapiaoflow.support.MariaDbIntegrationTest;

/**
 * The whole API path of {@link InvoiceRequestApiTest} again on the {@code mysql} profile against MariaDB:
 * order claims under concurrency, idempotency, issuance and delivery on InnoDB's locking.
 */
@MariaDbIntegrationTest
class InvoiceRequestApiIT extends InvoiceRequestApiTest {
}
