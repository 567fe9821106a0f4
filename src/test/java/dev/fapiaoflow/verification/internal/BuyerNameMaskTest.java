package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.buyer.BuyerType;

class BuyerNameMaskTest {

    @Test
    void companyKeepsItsFirstFourAndLastTwoCharacters() {
        assertThat(BuyerNameMask.mask(BuyerType.ENTERPRISE, "北京某某科技有限公司")).isEqualTo("北京某某***公司");
    }

    @Test
    void personKeepsOnlyTheFamilyName() {
        assertThat(BuyerNameMask.mask(BuyerType.PERSONAL, "爱丽丝")).isEqualTo("爱*");
        assertThat(BuyerNameMask.mask(BuyerType.PERSONAL, "欧阳修文")).isEqualTo("欧*");
    }

    @Test
    void personalNameInLatinLettersShowsOneLetterToo() {
        assertThat(BuyerNameMask.mask(BuyerType.PERSONAL, "Alexander Smith")).isEqualTo("A*");
    }

    @Test
    void shortOrganisationNameKeepsTwoAndOne() {
        assertThat(BuyerNameMask.mask(BuyerType.ENTERPRISE, "某某工作室")).isEqualTo("某某***室");
        assertThat(BuyerNameMask.mask(BuyerType.ENTERPRISE, "某某店")).isEqualTo("某*");
    }

    @Test
    void starsDoNotRevealTheLength() {
        assertThat(BuyerNameMask.mask(BuyerType.ENTERPRISE, "上海某某信息技术股份有限公司"))
                .isEqualTo("上海某某***公司")
                .hasSameSizeAs(BuyerNameMask.mask(BuyerType.ENTERPRISE, "北京某某科技有限公司"));
    }

    @Test
    void charactersOutsideTheBasicPlaneAreNotCutInHalf() {
        assertThat(BuyerNameMask.mask(BuyerType.PERSONAL, "𠮷田")).isEqualTo("𠮷*");
    }

    @Test
    void missingNameMasksToEmpty() {
        assertThat(BuyerNameMask.mask(BuyerType.ENTERPRISE, null)).isEmpty();
        assertThat(BuyerNameMask.mask(BuyerType.PERSONAL, "  ")).isEmpty();
    }
}
