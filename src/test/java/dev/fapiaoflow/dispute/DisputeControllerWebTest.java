package dev.fapiaoflow.dispute;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.support.ApiSliceTest;

/**
 * The dispute API's door, without the application behind it: who gets in (the real security rules), and how the
 * desk's refusals reach the client (ProblemDetail, field errors, 404, 409). What the desk decides is tested with the
 * whole application in {@link DisputeApiTest}.
 */
@ApiSliceTest(DisputeController.class)
@Import(DisputeThreads.class)
class DisputeControllerWebTest {

    private static final String RAISE = "/api/invoices/7/disputes";
    private static final String WRONG_TITLE = """
            {"reason":"WRONG_TITLE","description":"抬头写错了","correction":{"title":"北京某某科技有限公司"}}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DisputeDesk desk;

    @MockitoBean
    DisputeConversation conversation;

    @MockitoBean
    DisputeResolution resolution;

    private static RequestPostProcessor alice() {
        return user("alice").authorities(() -> "customer");
    }

    private static RequestPostProcessor service() {
        return user("service").authorities(() -> "customer-service");
    }

    @Test
    void aRaisedDisputeIsAcceptedWithItsLocation() throws Exception {
        given(desk.raise(any(CurrentUser.class), eq(7L), any(RaiseDisputeCommand.class))).willReturn(41L);

        mvc.perform(post(RAISE).with(alice()).contentType(MediaType.APPLICATION_JSON).content(WRONG_TITLE))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/disputes/41"))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void fieldsTheDeskRefusesComeBackAsAProblemNamingEachField() throws Exception {
        given(desk.raise(any(CurrentUser.class), eq(7L), any())).willThrow(new InvalidInputException(List.of(
                new FieldError("description", "请说明问题"), new FieldError("correction", "请填写更正后的抬头信息"))));

        mvc.perform(post(RAISE).with(alice()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"WRONG_TITLE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fapiaoflow.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value("请说明问题"))
                .andExpect(jsonPath("$.errors[1].field").value("correction"));
    }

    @Test
    void brokenJsonIsABadRequestProblemNotAServerError() throws Exception {
        mvc.perform(post(RAISE).with(alice()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(desk);
    }

    @Test
    void anUnknownReasonIsABadRequestProblem() throws Exception {
        mvc.perform(post(RAISE).with(alice()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"DONT_LIKE_IT\",\"description\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(desk);
    }

    @Test
    void anUnknownStatusInTheQueueFilterIsABadRequestProblem() throws Exception {
        mvc.perform(get("/api/disputes").param("status", "BOGUS").with(service()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("status")));
        verifyNoInteractions(desk);
    }

    @Test
    void aSecondOpenDisputeIsAConflictProblem() throws Exception {
        given(desk.raise(any(CurrentUser.class), eq(7L), any()))
                .willThrow(new ConflictException("发票 7 已有未处理的异议 (an open dispute exists for this invoice)"));

        mvc.perform(post(RAISE).with(alice()).contentType(MediaType.APPLICATION_JSON).content(WRONG_TITLE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("an open dispute exists")));
    }

    @Test
    void someoneElsesDisputeIsNotFound() throws Exception {
        given(desk.find(any(CurrentUser.class), eq(9L))).willThrow(new NotFoundException("dispute", 9L));

        mvc.perform(get("/api/disputes/9").with(alice()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anAnonymousCallerIsChallengedAndReachesNothing() throws Exception {
        mvc.perform(post(RAISE).contentType(MediaType.APPLICATION_JSON).content(WRONG_TITLE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        verifyNoInteractions(desk);
    }

    @Test
    void customerServiceMayNotRaiseAndIsRefusedBeforeItsBodyIsRead() throws Exception {
        // a body the API would refuse with field messages: 403 must come first, so the endpoint's shape stays hidden
        mvc.perform(post(RAISE).with(service()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(desk);
    }

    @Test
    void aCustomerCannotResolveAndIsToldTheDisputeIsNotFound() throws Exception {
        mvc.perform(post("/api/disputes/9/resolution").with(alice()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"reject\",\"comment\":\"no\"}"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(resolution);
    }

    @Test
    void anEmptyMessageComesBackAsAFieldProblem() throws Exception {
        given(conversation.post(any(CurrentUser.class), anyLong(), eq(null)))
                .willThrow(new InvalidInputException("text", "请输入消息内容"));

        mvc.perform(post("/api/disputes/9/messages").with(alice()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("请输入消息内容"));
    }
}
