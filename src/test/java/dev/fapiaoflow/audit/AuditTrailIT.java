package dev.fapiaoflow.audit;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link AuditTrailTest} marked {@link OnMariaDbToo}, again on MariaDB: the chain head's row lock under
 * InnoDB with concurrent appends, the V100 migration, and the tamper checks.
 */
@MariaDbIntegrationTest
class AuditTrailIT extends AuditTrailTest {
}
