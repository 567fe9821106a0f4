package dev.fapiaoflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Features talk through each other's root packages (their API) only, and never in a cycle. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FapiaoFlowApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentationIntoTarget() {
        // target/spring-modulith-docs: one PlantUML diagram and canvas per module, plus the overview
        new Documenter(modules).writeDocumentation();

        assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).isNotEmptyFile();
    }
}
