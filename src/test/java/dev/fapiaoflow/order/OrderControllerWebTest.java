package dev.fapiaoflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.support.ApiSliceTest;

/**
 * The shop's order push is checked by Bean Validation before the order service sees it: every broken field comes
 * back in one ProblemDetail, in Chinese unless the caller chose English ({@code lang=en}, kept in a cookie).
 */
@ApiSliceTest(OrderController.class)
class OrderControllerWebTest {

    private static final String BROKEN = """
            {"orderNo":"SO 2026/1","customer":"alice","paidAt":"2026-11-02T10:15:00+08:00",
             "items":[{"sku":"PY-101","name":"Python 入门课","category":"training","quantity":"0","unitPrice":"1999.00"}],
             "paidAmount":"-1.00","status":"PAID"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderService orders;

    private static RequestPostProcessor shop() {
        return user("shop").authorities(() -> "shop");
    }

    private static MockHttpServletRequestBuilder push(String body) {
        return post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void anEmptyPushNamesEveryRequiredFieldAndReachesNoService() throws Exception {
        mvc.perform(push("{}").with(shop()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("输入无效"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("orderNo", "customer", "paidAt", "items",
                        "paidAmount", "status")));
        verifyNoInteractions(orders);
    }

    @Test
    void brokenFieldsOfThePushAndOfItsItemsAreNamedWithTheirPaths() throws Exception {
        mvc.perform(push(BROKEN).with(shop()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("orderNo", "paidAmount", "items[0].category",
                        "items[0].quantity")))
                .andExpect(jsonPath("$.errors[?(@.field == 'orderNo')].message").value(hasItems("只允许字母、数字、- 和 _")))
                .andExpect(jsonPath("$.errors[?(@.field == 'items[0].category')].message").value(hasItems("品类代码应为大写字母")));
        verifyNoInteractions(orders);
    }

    @Test
    void theStandardMessagesAreChineseByDefault() throws Exception {
        mvc.perform(push("{}").with(shop()))
                .andExpect(jsonPath("$.errors[?(@.field == 'customer')].message").value(hasItems("不能为空")));
    }

    @Test
    void anApiCallerAskingForEnglishGetsTheWholeAnswerInEnglish() throws Exception {
        String answer = mvc.perform(push("{\"orderNo\":\"A 1\",\"items\":[{\"category\":\"books\"}]}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9").with(shop()))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value("The request has invalid fields"))
                .andExpect(jsonPath("$.errors[?(@.field == 'customer')].message").value(hasItems("must not be blank")))
                .andExpect(jsonPath("$.errors[?(@.field == 'orderNo')].message").value(hasItems("Only letters, digits, - and _")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).as("no Chinese in an English answer").doesNotContainPattern("[\\x{4e00}-\\x{9fff}]");
    }

    @Test
    void anApiCallerWithoutAPreferenceGetsChinese() throws Exception {
        mvc.perform(push("{\"orderNo\":\"订单 1\"}").with(shop()))
                .andExpect(jsonPath("$.title").value("输入无效"))
                .andExpect(jsonPath("$.errors[?(@.field == 'orderNo')].message").value(hasItems("只允许字母、数字、- 和 _")));
    }

    @Test
    void theStandardMessagesAreEnglishForACallerWhoChoseEnglish() throws Exception {
        mvc.perform(push("{}").param("lang", "en").with(shop()))
                .andExpect(jsonPath("$.errors[?(@.field == 'customer')].message").value(hasItems("must not be blank")));
        mvc.perform(push("{}").cookie(new Cookie("fapiaoflow-lang", "en")).with(shop()))
                .andExpect(jsonPath("$.errors[?(@.field == 'customer')].message").value(hasItems("must not be blank")));
    }

    @Test
    void aCustomerCannotPushOrdersEvenWithABrokenBody() throws Exception {
        mvc.perform(push(BROKEN).with(user("alice").authorities(() -> "customer")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(orders);
    }

    @Test
    void anAnonymousPushIsChallenged() throws Exception {
        mvc.perform(push(BROKEN)).andExpect(status().isUnauthorized());
        verifyNoInteractions(orders);
    }
}
