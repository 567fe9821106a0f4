package dev.fapiaoflow.buyer;

import static dev.fapiaoflow.buyer.TestCustomers.LI;
import static dev.fapiaoflow.buyer.TestCustomers.STAFF;
import static dev.fapiaoflow.buyer.TestCustomers.WANG;
import static dev.fapiaoflow.buyer.TestCustomers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.SpringTestBase;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class BuyerProfileApiTest extends SpringTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshCustomers(@Autowired IdentityService identity) {
        TestCustomers.ensureExist(identity);
        jdbc.update("DELETE FROM buyer_profile WHERE owner IN (?, ?, ?)", LI, WANG, STAFF);
    }

    @Test
    void customerSavesATitleAndGetsItBackWithIdAndLocation() throws Exception {
        long id = create(LI, Buyers.company())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern(".*/api/buyer-profiles/\\d+")))
                .andExpect(jsonPath("$.buyerType").value("ENTERPRISE"))
                .andExpect(jsonPath("$.title").value("北京某某科技有限公司"))
                .andExpect(jsonPath("$.taxId").value(Buyers.COMPANY_TAX_ID))
                .andExpect(jsonPath("$.address").value("北京市海淀区中关村南大街5号"))
                .andExpect(jsonPath("$.phone").value("010-12345678"))
                .andExpect(jsonPath("$.bankName").value("招商银行北京分行"))
                .andExpect(jsonPath("$.bankAccount").value("110912345610801"))
                .andExpect(jsonPath("$.email").value("ap@example.com"))
                .andExpect(jsonPath("$.taxpayerKind").value("GENERAL"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.details").doesNotExist())
                .andReturn().getResponse().getHeader("Location").replaceAll(".*/", "").transform(Long::parseLong);

        mvc.perform(get("/api/buyer-profiles").with(as(LI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void storesTheTaxIdNormalised() throws Exception {
        BuyerDetails c = Buyers.company();
        BuyerDetails sloppy = new BuyerDetails(c.buyerType(), " " + c.title() + " ", "9111 0108 3513 0360 1c",
                null, null, null, null, null, null);
        create(LI, sloppy).andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value(c.title()))
                .andExpect(jsonPath("$.taxId").value(Buyers.COMPANY_TAX_ID));
    }

    @Test
    void listsOnlyOwnTitlesNewestFirst() throws Exception {
        create(LI, Buyers.person("李四")).andExpect(status().isCreated());
        create(LI, Buyers.company()).andExpect(status().isCreated());
        create(WANG, Buyers.person("王五")).andExpect(status().isCreated());

        mvc.perform(get("/api/buyer-profiles").with(as(LI)))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].title").value("北京某某科技有限公司"))
                .andExpect(jsonPath("$[1].title").value("李四"));
    }

    @Test
    void savingTheSameTitleAgainReturnsTheStoredOne() throws Exception {
        long first = idOf(create(LI, Buyers.company()).andExpect(status().isCreated()));
        long again = idOf(create(LI, Buyers.company()).andExpect(status().isOk()));

        assertThat(again).isEqualTo(first);
        assertThat(rowsOf(LI)).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidTaxIdWithAFieldErrorAndStoresNothing() throws Exception {
        BuyerDetails wrong = new BuyerDetails(BuyerType.ENTERPRISE, "北京某某科技有限公司", "91110108351303601D",
                null, null, null, null, null, TaxpayerKind.GENERAL);
        create(LI, wrong)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("taxId"))
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位错误"));

        assertThat(rowsOf(LI)).isZero();
    }

    @Test
    void savesARareNameTheInvoiceFontsPrint() throws Exception {
        create(LI, Buyers.person("王堃喆𠮷玥昇"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("王堃喆𠮷玥昇"));
    }

    @Test
    void refusesACharacterTheInvoiceCannotPrintNamingItInTheCallersLanguage() throws Exception {
        BuyerDetails withEmoji = Buyers.person("王小丽😀");
        create(LI, withEmoji)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("发票字体无法打印字符「😀」（U+1F600），请改用其他写法"));
        mvc.perform(post("/api/buyer-profiles").with(as(LI)).cookie(new jakarta.servlet.http.Cookie("fapiaoflow-lang", "en"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body(withEmoji))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The invoice font cannot print the character “😀” (U+1F600); please write it another way"));

        assertThat(rowsOf(LI)).isZero();
    }

    @Test
    void refusesAnEnterpriseWithoutTaxIdAndAPersonWithoutName() throws Exception {
        create(LI, new BuyerDetails(BuyerType.ENTERPRISE, "某某公司", null, null, null, null, null, null, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taxId"));
        create(LI, Buyers.person(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void ownerDeletesATitle() throws Exception {
        long id = idOf(create(LI, Buyers.company()));

        mvc.perform(delete("/api/buyer-profiles/{id}", id).with(as(LI))).andExpect(status().isNoContent());

        mvc.perform(get("/api/buyer-profiles").with(as(LI))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void someoneElsesTitleCannotBeDeletedAndLooksMissing() throws Exception {
        long id = idOf(create(LI, Buyers.company()));

        mvc.perform(delete("/api/buyer-profiles/{id}", id).with(as(WANG)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(delete("/api/buyer-profiles/{id}", id + 1000).with(as(LI))).andExpect(status().isNotFound());

        assertThat(rowsOf(LI)).isEqualTo(1);
    }

    @Test
    void rejectsUnauthenticatedCallers() throws Exception {
        mvc.perform(get("/api/buyer-profiles")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/buyer-profiles").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Buyers.company())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/buyer-profiles").with(TestCustomers.as("nobodyatall"))).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyCustomersKeepTitles() throws Exception {
        mvc.perform(get("/api/buyer-profiles").with(as(STAFF))).andExpect(status().isForbidden());
        create(STAFF, Buyers.company()).andExpect(status().isForbidden());
        assertThat(rowsOf(STAFF)).isZero();
    }

    private ResultActions create(String user, BuyerDetails details) throws Exception {
        return mvc.perform(post("/api/buyer-profiles").with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body(details))));
    }

    /** The JSON a client sends: the record's fields (its toString is masked, so not used here). */
    private JsonNode body(BuyerDetails details) {
        return json.valueToTree(details);
    }

    private long idOf(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    private int rowsOf(String owner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM buyer_profile WHERE owner = ?", Integer.class, owner);
    }
}
