package dev.fapiaoflow.shared;

import jakarta.ws.rs.ApplicationPath;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST resources at {@code /engine-rest}, plus {@link EngineRestRefusals} so that refusals answer 400.
 * Replaces the starter's own resource config (it backs off when one exists).
 */
@Configuration
class EngineRestConfig {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new EngineRestResources();
    }

    @ApplicationPath("/engine-rest")
    static class EngineRestResources extends CamundaJerseyResourceConfig {

        @Override
        protected void registerAdditionalResources() {
            register(EngineRestRefusals.WrappedInRestException.class);
            register(EngineRestRefusals.Unwrapped.class);
        }
    }
}
