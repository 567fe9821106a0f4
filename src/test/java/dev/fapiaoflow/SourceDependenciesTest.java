package dev.fapiaoflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature modules never depend on each other in a cycle, counting what only the source shows (constants the compiler
 * inlines), which {@link ModularityTests} cannot see in the bytecode.
 */
class SourceDependenciesTest {

    @Test
    void featureModulesHaveNoDependencyCycleInTheSource() {
        SourceDependencies dependencies = SourceDependencies.of(Path.of("src/main/java"));

        assertThat(dependencies.cycles()).as("module cycles, as the source states them").isEmpty();
    }

    @Test
    void theSharedVocabularyDependsOnNoFeature() {
        SourceDependencies dependencies = SourceDependencies.of(Path.of("src/main/java"));

        assertThat(dependencies.dependenciesOf("shared")).isEmpty();
    }

    @Test
    void findsACycleThatOnlyAnInlinedConstantCloses(@TempDir Path sources) throws IOException {
        write(sources, "audit/AuditLog.java", """
                package dev.fapiaoflow.audit;
                import dev.fapiaoflow.modeling.ModelDeployed;
                public class AuditLog { void on(ModelDeployed deployed) { } }
                """);
        write(sources, "modeling/ModelDeployed.java", """
                package dev.fapiaoflow.modeling;
                import org.springframework.security.access.prepost.PreAuthorize;
                @PreAuthorize("hasAuthority('" + dev.fapiaoflow.security.Groups.PROCESS_OWNER + "')")
                public record ModelDeployed(String name) { }
                """);
        write(sources, "security/Groups.java", """
                package dev.fapiaoflow.security;
                import static dev.fapiaoflow.audit.AuditLog.*;
                public final class Groups { public static final String PROCESS_OWNER = "process-owner"; }
                """);

        assertThat(SourceDependencies.of(sources).cycles()).singleElement().asString()
                .startsWith("audit → modeling (AuditLog.java) → security (ModelDeployed.java) → audit (Groups.java)");
    }

    @Test
    void commentsAndStringsAreNoDependencies(@TempDir Path sources) throws IOException {
        write(sources, "order/Order.java", """
                package dev.fapiaoflow.order;
                /** see {@link dev.fapiaoflow.request.Request} */
                public class Order {
                    // dev.fapiaoflow.request.Request would be a cycle
                    String delegate = "dev.fapiaoflow.request.Request";
                    String block = \"""
                            dev.fapiaoflow.request.Request
                            \""";
                    char quote = '"';
                    String after = "a \\" dev.fapiaoflow.request.Escaped";
                }
                """);
        write(sources, "request/Request.java", """
                package dev.fapiaoflow.request;
                import dev.fapiaoflow.order.Order;
                public class Request { Order order; }
                """);

        SourceDependencies dependencies = SourceDependencies.of(sources);

        assertThat(dependencies.dependenciesOf("order")).isEmpty();
        assertThat(dependencies.dependenciesOf("request")).containsExactly("order");
        assertThat(dependencies.cycles()).isEmpty();
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve("dev/fapiaoflow").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
