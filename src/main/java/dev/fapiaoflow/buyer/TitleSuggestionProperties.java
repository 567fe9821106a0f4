package dev.fapiaoflow.buyer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The title auto-completion ({@code fapiaoflow.titles.suggestions.*}). */
@ConfigurationProperties("fapiaoflow.titles.suggestions")
record TitleSuggestionProperties(
        /** the shortest query, in characters: shorter ones match too much and would spend platform lookups */
        @DefaultValue("2") int minLength,
        /** suggestion and company calls per customer per minute (each may cost a paid platform lookup) */
        @DefaultValue("30") int perMinute,
        /** how long a platform answer is reused for the same query or code (on this node) */
        @DefaultValue("PT5M") Duration cacheFor,
        /** at most this many suggestions in one answer */
        @DefaultValue("8") int max) {
}
