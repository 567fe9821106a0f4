package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.fapiaoflow.verification.internal.ClientRateLimiter;
import dev.fapiaoflow.verification.internal.ForeignCheckProperties;
import dev.fapiaoflow.verification.internal.ForeignCheckStore;
import dev.fapiaoflow.verification.internal.InvoiceVerificationProvider;
import dev.fapiaoflow.verification.internal.ProviderCheckQuota;

class ForeignVerificationServiceTest {

    @Test
    void withoutAProviderAForeignCheckIsRefusedBeforeAnythingIsTakenOrStored() {
        StaticListableBeanFactory noBeans = new StaticListableBeanFactory();
        ClientRateLimiter rateLimiter = mock(ClientRateLimiter.class);
        ProviderCheckQuota quota = mock(ProviderCheckQuota.class);
        ForeignCheckStore store = mock(ForeignCheckStore.class);
        ForeignVerificationService service = new ForeignVerificationService(noBeans.getBeanProvider(InvoiceVerificationProvider.class),
                rateLimiter, quota, store, new ForeignCheckProperties(5, Duration.ofMinutes(10)), noBeans.getBeanProvider(java.time.Clock.class));

        assertThatThrownBy(() -> service.check(Verifier.user("reviewer"), null, null, "25110000000000004711", "2026-11-03", "1060.00",
                null, null)).isInstanceOf(NoVerificationProvider.class);
        verifyNoInteractions(rateLimiter, quota, store);
    }
}
