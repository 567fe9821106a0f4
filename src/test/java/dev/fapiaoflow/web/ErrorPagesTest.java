package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.SpringTestBase;

/** Missing and forbidden pages show the product's own error page in the caller's language, over real HTTP (Tomcat's error dispatch). */
class ErrorPagesTest extends SpringTestBase {

    @Test
    void aMissingPageShowsTheProductsOwnPageInChineseByDefault() {
        ResponseEntity<String> page = page("alice", "/no-such-page", null);

        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("页面不存在", "返回首页", "发票中心", "data-status=\"404\"")
                .doesNotContain("Whitelabel", "Page not found");
    }

    @Test
    void aMissingPageSpeaksEnglishWhenTheUserChoseEnglish() {
        ResponseEntity<String> page = page("alice", "/no-such-page", "en");

        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getBody()).contains("Page not found", "Back to the home page", "lang=\"en\"")
                .doesNotContain("Whitelabel", "页面不存在");
    }

    @Test
    void aForbiddenPageShowsTheProductsOwnPageInChinese() {
        ResponseEntity<String> page = page("alice", "/admin/users", null);

        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getBody()).contains("无权访问", "data-status=\"403\"").doesNotContain("Whitelabel", "Forbidden");
    }

    @Test
    void aForbiddenPageSpeaksEnglishWhenTheUserChoseEnglish() {
        ResponseEntity<String> page = page("alice", "/admin/users", "en");

        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getBody()).contains("Access denied").doesNotContain("Whitelabel", "无权访问");
    }

    @Test
    void jsonCallersStillGetAProblemDetailForAMissingResource() {
        ResponseEntity<String> answer = client("alice").get().uri("/api/no-such-resource")
                .accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"status\":404").doesNotContain("Whitelabel", "<html");
    }

    /** A browser-like request; {@code lang} is the language cookie the pages' language switch sets. */
    private ResponseEntity<String> page(String user, String path, String lang) {
        return client(user).get().uri(path).accept(MediaType.TEXT_HTML)
                .headers(headers -> {
                    if (lang != null) {
                        headers.add("Cookie", "fapiaoflow-lang=" + lang);
                    }
                })
                .retrieve().toEntity(String.class);
    }
}
