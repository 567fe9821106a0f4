package dev.fapiaoflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void creditCodesPhonesAndAccountsKeepOnlyWhatTellsThemApart() {
        assertThat(Masks.creditCode("91110108351303601C")).isEqualTo("911101**********1C");
        assertThat(Masks.phone("010-12345678")).isEqualTo("********5678");
        assertThat(Masks.bankAccount("11001234567890123456")).isEqualTo("****************3456");
        assertThat(Masks.phone("123")).isEqualTo("***");
        assertThat(Masks.creditCode(null)).isNull();
        assertThat(Masks.bankAccount("")).isEmpty();
    }
}
