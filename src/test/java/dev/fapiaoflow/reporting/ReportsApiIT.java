package dev.fapiaoflow.reporting;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link ReportsApiTest} marked {@link OnMariaDbToo}, again on the {@code mysql} profile against MariaDB:
 * the sections' aggregate SQL (GROUP BY and HAVING over DATE and TIMESTAMP columns, read as LocalDate and UTC
 * LocalDateTime) and the V80 indexes there.
 */
@MariaDbIntegrationTest
class ReportsApiIT extends ReportsApiTest {
}
