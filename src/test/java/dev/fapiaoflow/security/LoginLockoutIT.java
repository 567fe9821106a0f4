package dev.fapiaoflow.security;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.OnMariaDbToo;

/**
 * The tests of {@link LoginLockoutTest} marked {@link OnMariaDbToo}, again on MariaDB: the V163 table, the compare-
 * and-set counting and the recovery command's plain JDBC against Camunda's {@code ACT_ID_USER} as the mysql profile
 * creates them.
 */
@MariaDbIntegrationTest
class LoginLockoutIT extends LoginLockoutTest {
}
