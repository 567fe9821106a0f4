package dev.fapiaoflow.dispute;

import dev.fapiaoflow.support.MariaDbIntegrationTest;

/** {@link RefundRedLetterApiTest} on MariaDB: the refund key and the order's version under concurrent repeats. */
@MariaDbIntegrationTest
class RefundRedLetterApiIT extends RefundRedLetterApiTest {
}
