package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Platform mode does not start without the school's own platform account, and says which settings are missing; the
 * simulator's published pair is no account; local mode needs none and has no callback endpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformAccountCheckTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    @Import({PlatformAccountCheck.class, PlatformCallbackController.class})
    static class PlatformAdapter {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PlatformAdapter.class)
            .withBean(com.fasterxml.jackson.databind.ObjectMapper.class)
            .withBean(dev.fapiaoflow.platform.PlatformClient.class, () -> org.mockito.Mockito.mock(dev.fapiaoflow.platform.PlatformClient.class))
            .withBean(dev.fapiaoflow.platform.PlatformSubmissions.class, () -> serial -> false);

    @Test
    void platformModeWithoutKeyAndSecretRefusesToStartNamingTheSettings() {
        runner.withPropertyValues("fapiaoflow.seller.issuing=platform", "fapiaoflow.platform.base-url=https://open.example.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PlatformAccountMissing.class)
                            .hasMessageContaining("fapiaoflow.platform.app-key").hasMessageContaining("fapiaoflow.platform.app-secret");
                    FailureAnalysis analysis = new PlatformAccountFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("fapiaoflow.platform.app-key (FAPIAOFLOW_PLATFORM_APP_KEY) is not set",
                            "fapiaoflow.platform.app-secret (FAPIAOFLOW_PLATFORM_APP_SECRET) is not set");
                    assertThat(analysis.getAction()).contains("FAPIAOFLOW_PLATFORM_APP_SECRET");
                });
    }

    @Test
    void theSimulatorsPublishedPairIsRefusedAgainstARealPlatform() {
        runner.withPropertyValues("fapiaoflow.seller.issuing=platform", "fapiaoflow.platform.base-url=https://open.example.com",
                        "fapiaoflow.platform.app-key=sim-app-key", "fapiaoflow.platform.app-secret=sim-app-secret")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("app-key is the simulator's published key")
                        .hasMessageContaining("app-secret is the simulator's published secret"));
    }

    @Test
    void platformModeWithNeitherABaseUrlNorTheSimulatorRefusesToStart() {
        runner.withPropertyValues("fapiaoflow.seller.issuing=platform", "fapiaoflow.platform.app-key=school",
                        "fapiaoflow.platform.app-secret=s3cret")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("fapiaoflow.platform.base-url"));
    }

    @Test
    void platformModeWithItsOwnAccountStartsWithTheCallbackEndpoint() {
        runner.withPropertyValues("fapiaoflow.seller.issuing=platform", "fapiaoflow.platform.base-url=https://open.example.com",
                        "fapiaoflow.platform.app-key=school", "fapiaoflow.platform.app-secret=s3cret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(PlatformCallbackController.class);
                });
    }

    @Test
    void localModeNeedsNoAccountAndHasNoCallbackEndpoint() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(PlatformAccountCheck.class).doesNotHaveBean(PlatformCallbackController.class);
        });
    }

    @Test
    void aStartInPlatformModeWithoutAccountEndsWithSpringBootsReportNamingTheSettings(CapturedOutput output) {
        SpringApplication application = new SpringApplication(PlatformAdapter.class, Collaborators.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--fapiaoflow.seller.issuing=platform", "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(PlatformAccountMissing.class);

        assertThat(output).contains("APPLICATION FAILED TO START", "fapiaoflow.platform.app-key (FAPIAOFLOW_PLATFORM_APP_KEY) is not set",
                "fapiaoflow.platform.app-secret (FAPIAOFLOW_PLATFORM_APP_SECRET) is not set");
    }

    @Configuration(proxyBeanMethods = false)
    static class Collaborators {
        @org.springframework.context.annotation.Bean
        com.fasterxml.jackson.databind.ObjectMapper objectMapper() {
            return new com.fasterxml.jackson.databind.ObjectMapper();
        }

        @org.springframework.context.annotation.Bean
        dev.fapiaoflow.platform.PlatformClient platformClient() {
            return org.mockito.Mockito.mock(dev.fapiaoflow.platform.PlatformClient.class);
        }

        @org.springframework.context.annotation.Bean
        dev.fapiaoflow.platform.PlatformSubmissions platformSubmissions() {
            return serial -> false;
        }
    }
}
