package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/tax-classification.dmn on its own, with Camunda's DMN engine and no Spring. */
class TaxClassificationTableTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTable() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = TaxClassificationTableTest.class.getResourceAsStream("/dmn/tax-classification.dmn")) {
            decision = engine.parseDecision(TaxClassification.DECISION_KEY, table);
        }
    }

    @ParameterizedTest(name = "{0} sold by a {1} taxpayer → {2} {3} {4}")
    @CsvSource(nullValues = "-", value = {
            "TRAINING,   GENERAL,     0.06, 3070201020000000000, 非学历教育服务, 培训费",
            "BOOK,       GENERAL,     0.09, 1060201010000000000, 图书,           -",
            "MATERIAL,   GENERAL,     0.13, 1060401010000000000, 文具,           -",
            "CONSULTING, GENERAL,     0.06, 3040603000000000000, 咨询服务,       咨询费",
            "TRAINING,   SMALL_SCALE, 0.01, 3070201020000000000, 非学历教育服务, 培训费",
            "BOOK,       SMALL_SCALE, 0.01, 1060201010000000000, 图书,           -",
            "MATERIAL,   SMALL_SCALE, 0.01, 1060401010000000000, 文具,           -",
            "CONSULTING, SMALL_SCALE, 0.01, 3040603000000000000, 咨询服务,       咨询费",
    })
    void classifiesEveryCategoryForEverySellerStatus(String category, String sellerStatus, BigDecimal rate, String code,
            String shortName, String label) {
        TaxClassification classification = TaxClassification.fromDecision(evaluate(category, sellerStatus).getSingleResult()
                .getEntryMap());
        assertThat(classification.taxRate()).isEqualByComparingTo(rate);
        assertThat(classification.taxRate().scale()).isEqualTo(4);
        assertThat(classification.taxCode()).isEqualTo(code);
        assertThat(classification.taxShortName()).isEqualTo(shortName);
        assertThat(classification.itemLabel()).isEqualTo(label);
    }

    @Test
    void trainingIsInvoicedAsNonDegreeEducationTrainingFee() {
        TaxClassification training = TaxClassification.fromDecision(evaluate("TRAINING", "GENERAL").getSingleResult()
                .getEntryMap());
        assertThat(training.itemName("Python 入门课")).isEqualTo("*非学历教育服务*培训费");
    }

    @Test
    void bookKeepsItsTitleAsItemName() {
        TaxClassification book = TaxClassification.fromDecision(evaluate("BOOK", "GENERAL").getSingleResult().getEntryMap());
        assertThat(book.itemName("Java 核心技术")).isEqualTo("*图书*Java 核心技术");
    }

    @Test
    void unknownCategoryMatchesNoRule() {
        assertThat(evaluate("GIFT_CARD", "GENERAL")).isEmpty();
        assertThat(evaluate("training", "GENERAL")).isEmpty();
    }

    @Test
    void unknownSellerStatusMatchesNoRule() {
        assertThat(evaluate("TRAINING", "EXEMPT")).isEmpty();
    }

    @Test
    void rejectsATaxCodeThatIsNotNineteenDigits() {
        assertThatThrownBy(() -> new TaxClassification(new BigDecimal("0.06"), "30702010200", "非学历教育服务", null))
                .isInstanceOf(IllegalStateException.class);
    }

    private static DmnDecisionTableResult evaluate(String category, String sellerStatus) {
        return engine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue(TaxClassification.CATEGORY, category)
                .putValue(TaxClassification.SELLER_STATUS, sellerStatus));
    }
}
