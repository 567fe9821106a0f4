package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * What the server hands Camunda Tasklist: our config.js (Chinese only, Beijing-time date patterns, our custom script),
 * a zh.json that translates every label of the Tasklist we ship, the script that formats dates in Asia/Shanghai and
 * links back, and the styles that place the link.
 */
class TasklistInChineseTest extends SpringTestBase {

    private static final String TASKLIST = "/camunda/app/tasklist/";

    @Test
    void theServedConfigMakesChineseTheOnlyLanguageAndLoadsOurScript() {
        String config = get("scripts/config.js");

        assertThat(config).contains("availableLocales: ['zh']", "fallbackLocale: 'zh'", "customScripts: ['scripts/fapiaoflow']",
                "normal: 'YYYY-MM-DD HH:mm'", "name: '流程任务'");
    }

    @Test
    void theServedChineseLocaleTranslatesEveryLabelOfTheShippedTasklist() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode english;
        try (InputStream shipped = getClass().getResourceAsStream(
                "/META-INF/resources/webjars/camunda/app/tasklist/locales/en.json")) {
            english = json.readTree(new String(shipped.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        }
        JsonNode chinese = json.readTree(get("locales/zh.json"));

        List<String> untranslated = new ArrayList<>();
        english.get("labels").fieldNames().forEachRemaining(key -> {
            JsonNode words = chinese.get("labels").get(key);
            String english1 = english.get("labels").get(key).asText();
            boolean wordsInEnglish = english1.matches(".*[A-Za-z]{2,}.*");
            if (words == null || wordsInEnglish && !words.asText().matches("(?s).*\\p{IsHan}.*")) {
                untranslated.add(key);
            }
        });
        assertThat(untranslated).as("labels without Chinese words").isEmpty();
        assertThat(chinese.get("labels").get("CLAIM_TASK").asText()).isEqualTo("领取");
        assertThat(chinese.get("dateLocales").get("months").get(0).asText()).isEqualTo("一月");
    }

    @Test
    void theScriptFormatsDatesInShanghaiAndLinksBackAndTheStylesPlaceTheLink() {
        assertThat(get("scripts/fapiaoflow.js")).contains("Asia/Shanghai", "register('camDate'", "href = '/tasks'");
        assertThat(get("styles/user-styles.css")).contains(".fapiaoflow-back");
    }

    /** as a reviewer with a session (the webapps take no HTTP Basic) */
    private String get(String path) {
        try {
            MockHttpServletResponse answer = mockMvc.perform(MockMvcRequestBuilders.get(TASKLIST + path)
                    .with(user("reviewer").authorities(new SimpleGrantedAuthority(Groups.FINANCE_REVIEWER))))
                    .andReturn().getResponse();
            assertThat(answer.getStatus()).as(path).isEqualTo(200);
            return answer.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }
}
