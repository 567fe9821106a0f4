package dev.fapiaoflow.platform.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.platform.CompanyLookup;

/** Nuonuo's company lookup through the platform client's signed calls; only in platform mode (local mode has none). */
@Component
@ConditionalOnProperty(name = "fapiaoflow.seller.issuing", havingValue = "platform")
class PlatformCompanyLookup implements CompanyLookup {

    private final NuonuoPlatformClient client;

    PlatformCompanyLookup(NuonuoPlatformClient client) {
        this.client = client;
    }

    @Override
    public List<CompanyMatch> byKeyword(String keyword) {
        return NuonuoCompanyMessages.prefixQueryAnswer(client.call(NuonuoCompanyMessages.METHOD_PREFIX_QUERY,
                NuonuoCompanyMessages.prefixQueryContent(keyword)));
    }

    @Override
    public Optional<CompanyInfo> byCode(String code) {
        return NuonuoCompanyMessages.byCodeAnswer(client.call(NuonuoCompanyMessages.METHOD_BY_CODE,
                NuonuoCompanyMessages.byCodeContent(code)));
    }
}
