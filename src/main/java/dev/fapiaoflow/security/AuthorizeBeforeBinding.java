package dev.fapiaoflow.security;

import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a controller's {@code @PreAuthorize} before Spring MVC reads the request: method security alone runs after
 * the body has been parsed and validated, so a caller without the role would get 400 with field messages (learning
 * the endpoint's shape) instead of 403. Expressions over arguments ({@code #id}) are left to method security, which
 * still checks everything again at the call.
 */
@Configuration
class AuthorizeBeforeBinding implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager authorization = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod handlerMethod) {
                    check(handlerMethod);
                }
                return true;
            }
        });
    }

    private void check(HandlerMethod handlerMethod) {
        Method method = handlerMethod.getMethod();
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return;
        }
        Object[] noArguments = new Object[method.getParameterCount()];
        AuthorizationResult result = authorization.authorize(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(handlerMethod.getBean(), method, noArguments));
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("Access Denied");
        }
    }
}
