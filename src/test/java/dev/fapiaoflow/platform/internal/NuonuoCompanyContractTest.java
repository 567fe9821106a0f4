package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.platform.CompanyLookup;
import dev.fapiaoflow.platform.PlatformRefused;

/**
 * Contract of the platform's company lookup (企业名称联想): our content is the request fixture and passes the schema the
 * simulator applies; our parser reads the answer fixtures (a masked bank account is not taken as an account).
 */
class NuonuoCompanyContractTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aKeywordIsSentExactlyAsTheFixture() throws Exception {
        JsonNode sent = json.valueToTree(NuonuoCompanyMessages.prefixQueryContent("  爱信诺 "));

        assertThat(sent).isEqualTo(json.readTree(NuonuoCompanyFixtures.PREFIX_QUERY_REQUEST));
        assertThat(NuonuoSchema.checkPrefixQuery(sent)).isEmpty();
    }

    @Test
    void aCodeIsSentExactlyAsTheFixture() throws Exception {
        JsonNode sent = json.valueToTree(NuonuoCompanyMessages.byCodeContent("ZJHTXX"));

        assertThat(sent).isEqualTo(json.readTree(NuonuoCompanyFixtures.BY_CODE_REQUEST));
        assertThat(NuonuoSchema.checkCompanyByCode(sent)).isEmpty();
    }

    @Test
    void theNamesAnswerIsReadAsCodeAndName() throws Exception {
        assertThat(NuonuoCompanyMessages.prefixQueryAnswer(json.readTree(NuonuoCompanyFixtures.PREFIX_QUERY_ANSWER)))
                .containsExactly(new CompanyLookup.CompanyMatch("ZJHTXX", "浙江爱信诺航天信息有限公司"));
    }

    @Test
    void theDetailsAnswerIsReadFieldByFieldWithoutTheMaskedAccount() throws Exception {
        CompanyLookup.CompanyInfo info = NuonuoCompanyMessages.byCodeAnswer(json.readTree(NuonuoCompanyFixtures.BY_CODE_ANSWER))
                .orElseThrow();

        assertThat(info).isEqualTo(new CompanyLookup.CompanyInfo("ZJHTXX", "浙江爱信诺航天信息有限公司", "91330000692368905R",
                "杭州市万塘路30号12幢2楼", "0571-85022017", "杭州工行古荡支行", null, true));
    }

    @Test
    void anUnknownCodeIsNoCompanyAndAnyOtherCodeARefusal() throws Exception {
        assertThat(NuonuoCompanyMessages.byCodeAnswer(json.readTree(NuonuoCompanyFixtures.BY_CODE_UNKNOWN_ANSWER))).isEmpty();
        assertThatThrownBy(() -> NuonuoCompanyMessages.prefixQueryAnswer(json.readTree("{\"code\":\"E1001\",\"describe\":\"签名错误\"}")))
                .isInstanceOf(PlatformRefused.class);
    }

    @Test
    void whatThePlatformWouldRefuseIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() -> NuonuoCompanyMessages.prefixQueryContent(" ")).isInstanceOf(PlatformRefused.class);
        assertThatThrownBy(() -> NuonuoCompanyMessages.prefixQueryContent("名".repeat(101))).isInstanceOf(PlatformRefused.class);
        assertThatThrownBy(() -> NuonuoCompanyMessages.byCodeContent("ZJHT")).isInstanceOf(PlatformRefused.class);
        assertThat(NuonuoSchema.checkPrefixQuery(json.createObjectNode())).extracting(NuonuoSchema.Refusal::code)
                .containsExactly("E4000");
        assertThat(NuonuoSchema.checkCompanyByCode(json.createObjectNode().put("code", "ZJ-HTX")))
                .extracting(NuonuoSchema.Refusal::code).containsExactly("E4000");
    }
}
