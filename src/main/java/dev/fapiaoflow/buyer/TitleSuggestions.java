package dev.fapiaoflow.buyer;

import java.util.List;

/**
 * The answer of {@code GET /api/buyer-titles/suggestions}: saved titles first, then the platform's companies;
 * {@code platformLookup} says whether the platform was asked and answered (false in local mode, or when it failed:
 * then only saved titles are offered).
 */
public record TitleSuggestions(String query, boolean platformLookup, List<TitleSuggestion> suggestions) {
}
