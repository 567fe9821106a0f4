package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TaxClassificationTest {

    @Test
    void itemNameUsesTheLabelFromTheTable() {
        TaxClassification training = new TaxClassification(new BigDecimal("0.06"), "3070201020000000000", "非学历教育服务", "培训费");
        assertThat(training.itemName("Python 入门课")).isEqualTo("*非学历教育服务*培训费");
    }

    @Test
    void itemNameFallsBackToTheProductNameWithoutALabel() {
        TaxClassification book = new TaxClassification(new BigDecimal("0.09"), "1060201010000000000", "图书", null);
        assertThat(book.itemName("Java 核心技术")).isEqualTo("*图书*Java 核心技术");
        assertThat(new TaxClassification(new BigDecimal("0.09"), "1060201010000000000", "图书", " ").itemName("X"))
                .isEqualTo("*图书*X");
    }
}
