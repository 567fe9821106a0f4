package dev.fapiaoflow.modeling.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fapiaoflow.modeling.sandbox.*}: what models may reach (see {@link ModelSandbox}).
 *
 * @param beans          the Spring beans, besides the application's delegates and listeners, that expressions may name
 * @param classPackages  the packages whose classes {@code camunda:class} may name
 * @param scriptFormats  the script formats (e.g. {@code groovy}) that script tasks, script listeners and script conditions
 *                       may use; empty by default: a script runs with all of Java's power, so allowing a format makes
 *                       every process owner an administrator of the server
 */
@ConfigurationProperties("fapiaoflow.modeling.sandbox")
record SandboxProperties(
        @DefaultValue({"periodicInvoicingService", "reviewConfig", "periodicConfig", "disputeConfig", "deliveryConfig", "storedReviewFacts"}) List<String> beans,
        @DefaultValue("dev.fapiaoflow.") List<String> classPackages,
        @DefaultValue({}) List<String> scriptFormats) {

    SandboxProperties {
        beans = beans == null ? List.of() : List.copyOf(beans);
        classPackages = classPackages == null ? List.of() : List.copyOf(classPackages);
        scriptFormats = scriptFormats == null ? List.of()
                : scriptFormats.stream().filter(f -> !f.isBlank()).map(f -> f.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    static SandboxProperties defaults() {
        return new SandboxProperties(List.of("periodicInvoicingService", "reviewConfig", "periodicConfig", "disputeConfig", "deliveryConfig", "storedReviewFacts"),
                List.of("dev.fapiaoflow."), List.of());
    }
}
