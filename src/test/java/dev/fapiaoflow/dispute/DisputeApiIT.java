package dev.fapiaoflow.dispute;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link DisputeApiTest} marked {@link OnMariaDbToo}, again on the {@code mysql} profile against MariaDB:
 * the one-open-dispute unique key under concurrent submissions, red-letter numbering on InnoDB's row lock, and the
 * V60–V62 migrations on MariaDB.
 */
@MariaDbIntegrationTest
class DisputeApiIT extends DisputeApiTest {
}
