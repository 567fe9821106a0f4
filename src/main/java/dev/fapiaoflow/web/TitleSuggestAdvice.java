package dev.fapiaoflow.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.fapiaoflow.buyer.TitleSuggestionService;

/**
 * What the title field's auto-completion (portal/title-fields.ftlh, suggestTitle) tells the customer on the pages that
 * have it: whether the platform's companies are offered (platform mode) or only saved titles, and the shortest query.
 */
@ControllerAdvice(assignableTypes = { PortalController.class, TitlePageController.class })
class TitleSuggestAdvice {

    private final TitleSuggestionService suggestions;

    TitleSuggestAdvice(TitleSuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @ModelAttribute
    void titleSuggest(Model model) {
        model.addAttribute("titleLookup", suggestions.platformLookup());
        model.addAttribute("titleSuggestMin", suggestions.minLength());
    }
}
