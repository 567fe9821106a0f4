package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.platform.CompanyLookup;
import dev.fapiaoflow.support.PlatformModeTest;

/**
 * The company lookup against the strict simulator, over signed calls in platform mode: it finds what its directory
 * holds, and refuses what the platform refuses (no keyword, a malformed code) with the platform's codes.
 */
class CompanyLookupSimulatorTest extends PlatformModeTest {

    @Autowired
    CompanyLookup lookup;
    @Autowired
    NuonuoPlatformClient client;
    @Autowired
    PlatformSimulator simulator;

    @Test
    void aPartOfTheNameOrTaxIdFindsTheCompanyAndItsCodeItsDetails() {
        simulator.registerCompany("SHXY01", "上海星云教育咨询有限公司", "91310104MA1FL0XY3J", "上海市徐汇区漕溪北路88号",
                "021-64001234", "招商银行上海徐汇支行", "121909876510901", "0");

        assertThat(lookup.byKeyword("星云教育")).containsExactly(new CompanyLookup.CompanyMatch("SHXY01", "上海星云教育咨询有限公司"));
        assertThat(lookup.byKeyword("91310104")).extracting(CompanyLookup.CompanyMatch::code).containsExactly("SHXY01");
        assertThat(lookup.byCode("SHXY01")).contains(new CompanyLookup.CompanyInfo("SHXY01", "上海星云教育咨询有限公司",
                "91310104MA1FL0XY3J", "上海市徐汇区漕溪北路88号", "021-64001234", "招商银行上海徐汇支行", "121909876510901", true));
        assertThat(lookup.byCode("NONE00")).isEmpty();
    }

    @Test
    void theSimulatorRefusesACallWithoutKeywordOrWithAMalformedCode() {
        assertThat(client.call(NuonuoCompanyMessages.METHOD_PREFIX_QUERY, Map.of()).path("code").asText()).isEqualTo("E4000");
        assertThat(client.call(NuonuoCompanyMessages.METHOD_PREFIX_QUERY, Map.of("q", " ")).path("code").asText())
                .isEqualTo("E4000");
        assertThat(client.call(NuonuoCompanyMessages.METHOD_BY_CODE, Map.of("code", "ZJ")).path("code").asText())
                .isEqualTo("E4000");
        assertThat(simulator.stats()).containsKey("invalid company lookups refused");
    }
}
