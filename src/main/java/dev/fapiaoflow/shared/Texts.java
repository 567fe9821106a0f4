package dev.fapiaoflow.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * User-visible words from messages.properties / messages_en.properties, in the language of the request being served
 * (the LocaleResolver puts it in {@link LocaleContextHolder}: Accept-Language on /api, the chosen language on pages).
 * Outside a request (process delegates, mail listeners) nobody asked for a language, so the product's language,
 * Simplified Chinese, is used rather than the server's default locale.
 * <p>
 * Static on purpose: field errors are built in pure rule classes (BuyerValidation, CheckInput) that unit tests call
 * without a Spring context; the bundle is the same files Spring's own MessageSource reads.
 */
public final class Texts {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final MessageSource BUNDLES = bundles();

    private Texts() {
    }

    /** The words for {@code key} in the current request's language; numbers are printed plainly (no grouping). */
    public static String of(String key, Object... args) {
        return in(locale(), key, args);
    }

    /**
     * Words that outlive the request or reach someone else: mails, messages stored in a dispute's thread, task
     * descriptions. The product does not store a customer's language, so they are written in Simplified Chinese
     * whatever language the person who caused them was reading.
     */
    public static String inProductLanguage(String key, Object... args) {
        return in(DEFAULT_LOCALE, key, args);
    }

    public static String in(Locale locale, String key, Object... args) {
        return BUNDLES.getMessage(key, plain(args), locale);
    }

    /** The language of the request being served, else zh-CN. */
    public static Locale locale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return context != null && context.getLocale() != null ? context.getLocale() : DEFAULT_LOCALE;
    }

    private static Object[] plain(Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        // MessageFormat would print 12345 as "12,345" and 1999.50 as "1,999.5": ids and amounts must stay as they are
        return Arrays.stream(args)
                .map(a -> a instanceof BigDecimal d ? d.toPlainString() : a instanceof Number || a instanceof Enum<?> ? String.valueOf(a) : a)
                .toArray();
    }

    private static MessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
