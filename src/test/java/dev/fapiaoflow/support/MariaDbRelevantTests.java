package dev.fapiaoflow.support;

import java.lang.reflect.Method;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps a {@link MariaDbIntegrationTest} class that extends an H2 suite to what needs MariaDB: the tests it declares
 * itself and the inherited ones marked {@link OnMariaDbToo}. The rest already ran on H2 in the same build, so running
 * them again on MariaDB only cost time. Registered through {@code META-INF/services}, so Surefire and Failsafe leave
 * the other tests out of the plan (not skipped, not counted).
 */
public final class MariaDbRelevantTests implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
            return FilterResult.included("not a test method");
        }
        Class<?> testClass = source.getJavaClass();
        if (!AnnotationSupport.isAnnotated(testClass, MariaDbIntegrationTest.class)) {
            return FilterResult.included("not a MariaDB integration test");
        }
        Method method = source.getJavaMethod();
        if (method.getDeclaringClass() == testClass) {
            return FilterResult.included("declared by the integration test itself");
        }
        if (method.isAnnotationPresent(OnMariaDbToo.class)) {
            return FilterResult.included(method.getAnnotation(OnMariaDbToo.class).value());
        }
        return FilterResult.excluded("ran on H2 already; nothing in it needs MariaDB");
    }
}
