package dev.fapiaoflow.audit.internal;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.fapiaoflow.audit.AuditLog;
import dev.fapiaoflow.audit.AuditedRead;
import dev.fapiaoflow.audit.RecordedElsewhere;

/**
 * Records every state change made through the app's API and pages (an answered POST, PUT, PATCH or DELETE) as
 * {@code "POST /api/invoice-requests/{id}/supplement"} with the path variables (or the created resource's Location) as
 * the object, and every answered {@link AuditedRead} as a read of decrypted data. Refused requests (4xx/5xx) changed
 * nothing and are not recorded, nor are calls a feature records itself ({@link RecordedElsewhere}). Camunda's own
 * webapps and REST API are recorded from the engine's history instead.
 */
class HttpAuditInterceptor implements HandlerInterceptor {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    HttpAuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method) || ex != null || response.getStatus() >= 400
                || method.hasMethodAnnotation(RecordedElsewhere.class)) {
            return;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        AuditedRead read = method.getMethodAnnotation(AuditedRead.class);
        if (read != null) {
            String id = variables == null ? null : variables.get(read.idVariable());
            audit.record("READ " + read.objectType(), read.objectType(), id, request.getMethod() + " " + pattern);
        } else if (CHANGING.contains(request.getMethod())) {
            String location = response.getHeader(HttpHeaders.LOCATION);
            String object = variables == null || variables.isEmpty() ? pathOf(location) : variables.toString();
            audit.record(request.getMethod() + " " + pattern, objectType(pattern), object, "HTTP " + response.getStatus());
        }
    }

    private static String pathOf(String location) {
        if (location == null) {
            return null;
        }
        try {
            return java.net.URI.create(location).getPath();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    /** "/api/invoice-requests/{id}/supplement" → "invoice-requests" */
    static String objectType(String pattern) {
        if (pattern == null) {
            return null;
        }
        String[] parts = pattern.replaceFirst("^/api/", "/").split("/");
        return parts.length > 1 ? parts[1] : pattern;
    }
}
