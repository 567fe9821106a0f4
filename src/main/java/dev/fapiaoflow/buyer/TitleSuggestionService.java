package dev.fapiaoflow.buyer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.platform.CompanyLookup;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.OverloadedException;
import dev.fapiaoflow.shared.Texts;

/**
 * Title auto-completion (抬头联想): as a customer types a name or tax ID, the customer's own saved titles that match
 * (every field, instantly) and then, where the configured e-invoice platform offers a company lookup (platform mode),
 * the platform's companies. A platform lookup costs money, so each customer has a small per-minute budget
 * (Bucket4j, this node's memory), queries have a minimum length, and the platform's answers are reused for a few
 * minutes (Caffeine, this node's memory). When the platform fails, saved titles are still offered.
 */
@Service
@EnableConfigurationProperties(TitleSuggestionProperties.class)
public class TitleSuggestionService {

    private static final Logger log = LoggerFactory.getLogger(TitleSuggestionService.class);
    private static final int QUERY_MAX = 100;

    private final BuyerProfileService profiles;
    private final ObjectProvider<CompanyLookup> lookup;
    private final TitleSuggestionProperties properties;
    private final Cache<String, List<CompanyLookup.CompanyMatch>> byKeyword;
    private final Cache<String, Optional<CompanyLookup.CompanyInfo>> byCode;
    private final Cache<String, Bucket> budgets;

    TitleSuggestionService(BuyerProfileService profiles, ObjectProvider<CompanyLookup> lookup,
            TitleSuggestionProperties properties) {
        this.profiles = profiles;
        this.lookup = lookup;
        this.properties = properties;
        this.byKeyword = Caffeine.newBuilder().expireAfterWrite(properties.cacheFor()).maximumSize(2_000).build();
        this.byCode = Caffeine.newBuilder().expireAfterWrite(properties.cacheFor()).maximumSize(2_000).build();
        this.budgets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(10_000).build();
    }

    /** the shortest query answered */
    public int minLength() {
        return properties.minLength();
    }

    /** whether suggestions include the platform's companies (platform mode with a lookup) */
    public boolean platformLookup() {
        return lookup.getIfAvailable() != null;
    }

    /**
     * @throws InvalidInputException {@code q} shorter than the minimum or longer than 100 characters
     * @throws TitleSuggestionsRateLimited over the customer's budget
     */
    public TitleSuggestions suggest(String owner, String q) {
        String query = checked(q);
        spend(owner);
        String upper = query.toUpperCase(Locale.ROOT);
        List<TitleSuggestion> found = new ArrayList<>();
        profiles.list(owner).stream()
                .filter(t -> t.title().toUpperCase(Locale.ROOT).contains(upper)
                        || (t.taxId() != null && t.taxId().startsWith(upper)))
                .map(TitleSuggestion::saved)
                .forEach(found::add);
        boolean asked = false;
        CompanyLookup platform = lookup.getIfAvailable();
        if (platform != null && found.size() < properties.max()) {
            try {
                List<CompanyLookup.CompanyMatch> matches = byKeyword.get(query, platform::byKeyword);
                asked = true;
                // a company already saved is offered once, with the saved fields
                Set<String> saved = found.stream().map(TitleSuggestion::title).collect(Collectors.toSet());
                matches.stream().filter(m -> !saved.contains(m.name()))
                        .map(m -> TitleSuggestion.platformName(m.code(), m.name()))
                        .forEach(found::add);
            } catch (RuntimeException e) {
                log.warn("Platform company lookup failed; offering saved titles only: {}", e.toString());
            }
        }
        return new TitleSuggestions(query, asked, found.stream().limit(properties.max()).toList());
    }

    /**
     * One platform company's invoicing details, as a suggestion with every field the platform knows.
     *
     * @throws NotFoundException without a platform lookup (local mode) or for a code the platform does not know
     * @throws OverloadedException when the platform cannot answer now
     */
    public TitleSuggestion company(String owner, String code) {
        CompanyLookup platform = lookup.getIfAvailable();
        if (platform == null) {
            throw new NotFoundException("company", code);
        }
        if (code == null || !code.matches("[0-9A-Za-z]{6}")) {
            throw new InvalidInputException("code", Texts.of("titles.suggest.code"));
        }
        spend(owner);
        Optional<CompanyLookup.CompanyInfo> info;
        try {
            info = byCode.get(code, platform::byCode);
        } catch (RuntimeException e) {
            log.warn("Platform company details failed: {}", e.toString());
            throw new OverloadedException(Texts.of("titles.suggest.platformDown"), Duration.ofSeconds(30));
        }
        CompanyLookup.CompanyInfo c = info.orElseThrow(() -> new NotFoundException("company", code));
        TaxpayerKind kind = c.generalTaxpayer() == null ? null
                : c.generalTaxpayer() ? TaxpayerKind.GENERAL : TaxpayerKind.SMALL_SCALE;
        return new TitleSuggestion(TitleSuggestion.Source.PLATFORM, null, code, BuyerType.ENTERPRISE, c.name(),
                c.taxId(), kind, c.address(), c.phone(), c.bankName(), c.bankAccount(), null);
    }

    private String checked(String q) {
        String query = q == null ? "" : q.strip();
        int length = query.codePointCount(0, query.length());
        if (length < properties.minLength()) {
            throw new InvalidInputException("q", Texts.of("titles.suggest.tooShort", properties.minLength()));
        }
        if (length > QUERY_MAX) {
            throw new InvalidInputException("q", Texts.of("field.maxLength", QUERY_MAX));
        }
        return query;
    }

    private void spend(String owner) {
        Bucket bucket = budgets.get(owner, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.perMinute())
                        .refillGreedy(properties.perMinute(), Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TitleSuggestionsRateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }
}
