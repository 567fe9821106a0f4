package dev.fapiaoflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of an H2 suite that an {@code *IT} subclass runs again on MariaDB, saying what of MariaDB it proves
 * (InnoDB's locking under concurrency, SQL that H2 forgives, a unique key, JDBC against Camunda's tables). An
 * {@code *IT} that extends a suite runs only these and the tests it declares itself; see {@link MariaDbRelevantTests}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnMariaDbToo {

    /** what this test proves on MariaDB that it cannot prove on H2 */
    String value();
}
