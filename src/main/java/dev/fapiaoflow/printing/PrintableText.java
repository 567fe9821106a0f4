package dev.fapiaoflow.printing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Whether text that will be printed on an invoice (a buyer's title, tax ID, address, bank) can be drawn by the
 * invoice fonts; if not, the message that names the first character they cannot draw, in the caller's language. Asked
 * at input, so nobody stores a title that would print as an empty box on a legal document.
 */
public final class PrintableText {

    static final String MESSAGE_KEY = "printing.undrawable";

    private PrintableText() {
    }

    /** Empty when every character can be printed (or there is no text); the message in the request's language. */
    public static Optional<String> problem(String text) {
        // outside a request the product's language (zh-CN), not the server's
        return problem(text, LocaleContextHolder.getLocaleContext() == null ? Locale.SIMPLIFIED_CHINESE
                : LocaleContextHolder.getLocale());
    }

    public static Optional<String> problem(String text, Locale locale) {
        var undrawable = InvoiceTypefaces.get().firstUndrawable(text);
        if (undrawable.isEmpty()) {
            return Optional.empty();
        }
        int codePoint = undrawable.getAsInt();
        // invisible characters are named by their code point only; a lone surrogate would not even survive JSON
        int type = Character.getType(codePoint);
        String shown = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED ? "" : Character.toString(codePoint);
        return Optional.of(MessageFormat.format(bundle(locale).getString(MESSAGE_KEY), shown,
                String.format("U+%04X", codePoint)));
    }

    /** messages.properties (zh-CN, the default) or a language's own; never the server's locale in between. */
    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("messages", locale == null ? Locale.SIMPLIFIED_CHINESE : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
