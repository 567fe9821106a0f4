package dev.fapiaoflow.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that shows decrypted sensitive data (tax IDs, bank accounts, phones, addresses): each answered
 * call is recorded as {@code READ <objectType>} with the path variable {@code idVariable} as the object.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {

    String objectType();

    String idVariable() default "id";
}
