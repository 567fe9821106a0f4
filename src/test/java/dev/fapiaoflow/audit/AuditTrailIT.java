package dev.fapiaoflow.audit;

import dev.fapiaoflow.support.MariaDbIntegrationTest;

/**
 * {@link AuditTrailTest} on MariaDB: the chain head's row lock under InnoDB with concurrent appends, the V100
 * migration, and the tamper checks.
 */
@MariaDbIntegrationTest
class AuditTrailIT extends AuditTrailTest {
}
