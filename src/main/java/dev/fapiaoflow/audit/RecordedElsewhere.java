package dev.fapiaoflow.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method whose answered calls are not recorded as state changes in the audit trail although they are
 * {@code POST}s, because the feature keeps its own record of each call (who, when, what, with which answer) and the
 * call changes nothing else. A single invoice check is one: {@code verification_record} holds it, and writing it
 * twice cost a chained audit entry per check at the verification service's peak (bench/verify.sh).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RecordedElsewhere {

    /** Where the calls are recorded instead (a table). */
    String value();
}
