package dev.fapiaoflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import dev.fapiaoflow.security.WebSliceSecurity;

/**
 * A web slice for API controllers: the named controllers, Spring MVC, the API's error mapping
 * ({@code ApiExceptionHandler}: ProblemDetail with field errors), the locale rules and the application's real
 * security; no database, no engine. The test mocks the controller's services with {@code @MockitoBean}.
 * The HTTP audit interceptor is left out (it writes the audit log, which the full-application tests cover), and so
 * is the title auto-completion's advice to the customer pages (no page controller is in an API slice).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "dev\\.fapiaoflow\\.audit\\.internal\\.AuditWebConfig", "dev\\.fapiaoflow\\.web\\.TitleSuggestAdvice" }))
@Import(WebSliceSecurity.class)
public @interface ApiSliceTest {

    /** the controllers under test */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
