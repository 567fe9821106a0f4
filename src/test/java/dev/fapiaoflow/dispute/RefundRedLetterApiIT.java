package dev.fapiaoflow.dispute;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link RefundRedLetterApiTest} marked {@link OnMariaDbToo}, again on MariaDB: the refund key and the
 * order's version under concurrent repeats.
 */
@MariaDbIntegrationTest
class RefundRedLetterApiIT extends RefundRedLetterApiTest {
}
