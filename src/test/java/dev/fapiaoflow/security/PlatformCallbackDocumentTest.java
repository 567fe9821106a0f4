package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.support.PlatformModeTest;

/** In platform mode the OpenAPI document has the platform's callback, summarised, with no user scheme. */
class PlatformCallbackDocumentTest extends PlatformModeTest {

    @Test
    void thePlatformCallbackIsDocumentedAndNeedsNoUser() throws Exception {
        JsonNode document = new ObjectMapper().readTree(mockMvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        for (String operation : OpenApiDocumentTest.PLATFORM_MODE_ONLY) {
            String[] methodAndPath = operation.split(" ");
            JsonNode documented = document.at("/paths/" + methodAndPath[1].replace("/", "~1") + "/"
                    + methodAndPath[0].toLowerCase());
            assertThat(documented.at("/summary").asText()).as("summary of %s", operation)
                    .isEqualTo(ApiDocumentation.summaries().get(operation));
            assertThat(documented.at("/security").isArray()).as("security of %s", operation).isTrue();
            assertThat(documented.at("/security")).as("security of %s", operation).isEmpty();
        }
    }
}
