package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Platform mode does not start without the school's own seller tax id at the platform, nor with another one. */
class PlatformSellerCheckTest {

    static final String SCHOOL = "91110108MA01ABCD2H";

    @Test
    void platformModeRefusesToStartWithoutTheSellerTaxId() {
        assertThatThrownBy(() -> new PlatformSellerCheck("platform", account(null), SCHOOL).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fapiaoflow.platform.seller-tax-id")
                .hasMessageContaining("FAPIAOFLOW_PLATFORM_SELLER_TAX_ID");
        assertThatThrownBy(() -> new PlatformSellerCheck("platform", account("  "), SCHOOL).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void platformModeRefusesAMalformedOrForeignSellerTaxId() {
        assertThatThrownBy(() -> new PlatformSellerCheck("platform", account("9111-0108"), SCHOOL).afterPropertiesSet())
                .hasMessageContaining("not a tax id");
        assertThatThrownBy(() -> new PlatformSellerCheck("platform", account("91440101MA5APD8X8J"), SCHOOL).afterPropertiesSet())
                .hasMessageContaining("differs from the seller printed");
    }

    @Test
    void platformModeStartsWithTheSchoolsOwnTaxIdAndLocalModeNeedsNone() {
        assertThatCode(() -> new PlatformSellerCheck("platform", account(SCHOOL), SCHOOL).afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new PlatformSellerCheck("local", account(null), SCHOOL).afterPropertiesSet()).doesNotThrowAnyException();
    }

    static PlatformProperties account(String sellerTaxId) {
        return new PlatformProperties(null, "key", "secret", null, Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofHours(24), 20,
                new PlatformProperties.Simulator(false, 0, null, Duration.ofHours(24), Duration.ZERO), sellerTaxId, 10,
                Duration.ofSeconds(2), 5000, Duration.ofSeconds(10));
    }
}
