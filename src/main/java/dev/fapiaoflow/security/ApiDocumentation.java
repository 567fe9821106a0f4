package dev.fapiaoflow.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fapiaoflow.security.apikey.ApiKeyAuthenticationFilter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what the API is, the three ways to authenticate (the same doors
 * {@link SecurityConfig} opens), which operations take which, topics with descriptions, and a one-line summary per
 * operation from {@code openapi/summaries.txt}. Only the API (and the public key under /.well-known) is described:
 * the pages are not a contract.
 * The full reference is docs/api.md.
 */
@Configuration
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    static final String SUMMARIES = "openapi/summaries.txt";

    /** Topics by path prefix, most specific first; an operation gets the first that matches. */
    private static final List<Topic> TOPICS = List.of(
            new Topic("/api/invoices/{invoiceId}/disputes", "Disputes",
                    "A customer disputes an issued invoice; customer service resolves it (resend, correct by red-letter "
                            + "invoice and re-issue, reject), with a conversation thread."),
            new Topic("/api/disputes", "Disputes", null),
            new Topic("/api/orders", "Orders",
                    "The school's shop pushes paid and refunded orders (role shop); customers list their own."),
            new Topic("/api/buyer-profiles", "Invoice titles", "A customer's saved invoice titles (发票抬头)."),
            new Topic("/api/invoice-requests", "Invoice requests",
                    "Customers apply for invoices on paid orders and follow them; finance reviews special-VAT requests."),
            new Topic("/api/invoices", "Invoices",
                    "Issued invoices (数电 numbers), their PDF and OFD, status history and timeline: the owner's own, all for "
                            + "finance."),
            new Topic("/api/verifications", "Verification",
                    "Anyone checks an invoice we issued (验票) by number, issue date and total, or by its signed PDF/OFD; "
                            + "logged-in users and API keys also in batches. Rate-limited."),
            new Topic("/.well-known/", "Verification", null),
            new Topic("/api/anomaly-flags", "Anomaly flags", "Suspicious verification patterns, for finance."),
            new Topic("/api/api-keys", "API keys", "A user's keys for the verification API."),
            new Topic("/api/periodic-invoicing", "Periodic invoicing",
                    "Customers opt into monthly or quarterly merged invoices."),
            new Topic("/api/webhooks", "Webhooks", "Signed event deliveries to the school's systems (admin)."),
            new Topic("/api/accounting", "Accounting", "The daily accounting voucher feed (记账凭证)."),
            new Topic("/api/models", "Models",
                    "Process owners check, deploy, compare, roll back and migrate BPMN, DMN and form models."),
            new Topic("/api/platform", "E-invoice platform",
                    "The third-party e-invoice platform's result callback (a hint, checked by querying the platform); no user."),
            new Topic("/api/maintenance-windows", "System status",
                    "Maintenance windows: anyone reads them, administrators announce and cancel them."),
            new Topic("/api/", "Administration",
                    "Encryption keys, the audit trail and the document ledger (admin; the ledger check also finance managers)."));

    private static final String DESCRIPTION = """
            VAT invoices (发票) of an online school: the shop pushes orders, customers apply for invoices and dispute \
            them, finance reviews, anyone verifies an invoice we issued. Errors are RFC 9457 ProblemDetail, with \
            `errors: [{field, message}]` for invalid fields. Another customer's object answers 404, as one that does \
            not exist. Camunda's own REST API is at `/engine-rest`, behind the same users. Reference: docs/api.md.""";

    @Bean
    OpenAPI fapiaoFlowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FapiaoFlow API").version("1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("HTTP Basic with a FapiaoFlow user (the same users as the pages, Camunda's "
                                        + "webapps and /engine-rest). Failed logins are throttled and lock the account."))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                                .description("An API key (ffk_…) made on /api-keys; acts as its user on /api/verifications/** "
                                        + "only. May also be sent as `Authorization: Bearer <key>` there."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("For identity-provider tokens: an OpenID Connect access token of the school's "
                                        + "identity provider, where one is configured.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer apiOperationsDescribed() {
        Map<String, String> summaries = summaries();
        return openApi -> {
            openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/") && !path.startsWith("/.well-known/"));
            Map<String, Tag> tags = new LinkedHashMap<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                Topic topic = topicOf(path);
                operation.setTags(new ArrayList<>(List.of(topic.name())));
                tags.computeIfAbsent(topic.name(), name -> new Tag().name(name).description(describe(name)));
                if (operation.getSummary() == null) {
                    operation.setSummary(summaries.get(method + " " + path));
                }
                operation.setSecurity(securityOf(method, path));
            }));
            openApi.setTags(new ArrayList<>(tags.values()));
        };
    }

    /** Who may call without a login, and where an API key counts, as in SecurityConfig; null keeps the default. */
    static List<SecurityRequirement> securityOf(PathItem.HttpMethod method, String path) {
        if (path.equals("/api/platform/callback") || path.startsWith("/.well-known/")) {
            return List.of(); // public: the platform's callback is unsigned and only a hint (PlatformCallbackController)
        }
        boolean anonymousToo = method == PathItem.HttpMethod.POST
                && (path.equals("/api/verifications") || path.equals("/api/verifications/document"));
        if (!anonymousToo && !path.startsWith("/api/verifications")) {
            return null;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (anonymousToo) {
            requirements.add(new SecurityRequirement());
        }
        requirements.add(new SecurityRequirement().addList(BASIC));
        requirements.add(new SecurityRequirement().addList(BEARER));
        requirements.add(new SecurityRequirement().addList(API_KEY));
        return requirements;
    }

    static Topic topicOf(String path) {
        return TOPICS.stream().filter(topic -> path.startsWith(topic.prefix())).findFirst().orElseThrow();
    }

    private static String describe(String tag) {
        return TOPICS.stream().filter(topic -> topic.name().equals(tag) && topic.description() != null)
                .map(Topic::description).findFirst().orElseThrow();
    }

    /** {@code METHOD /path  summary} per line; # starts a comment. */
    static Map<String, String> summaries() {
        Map<String, String> summaries = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource(SUMMARIES).getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                String[] parts = line.split("\\s+", 3);
                if (parts.length < 3) {
                    throw new IllegalStateException(SUMMARIES + ": METHOD PATH summary expected in: " + line);
                }
                summaries.put(parts[0] + " " + parts[1], parts[2]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summaries;
    }

    record Topic(String prefix, String name, String description) {
    }
}
