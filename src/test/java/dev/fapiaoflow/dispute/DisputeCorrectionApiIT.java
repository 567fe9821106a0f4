package dev.fapiaoflow.dispute;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link DisputeCorrectionApiTest} marked {@link OnMariaDbToo}, again on the {@code mysql} profile
 * against MariaDB: the V64 column and the re-issues as another type or with recomputed amounts.
 */
@MariaDbIntegrationTest
class DisputeCorrectionApiIT extends DisputeCorrectionApiTest {
}
