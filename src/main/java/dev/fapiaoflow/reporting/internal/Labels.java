package dev.fapiaoflow.reporting.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Titles and labels of the report in the reader's language: a message code is translated, anything else shown as it is. */
record Labels(MessageSource messages, Locale locale) {

    String of(String codeOrText) {
        if (codeOrText == null) {
            return "";
        }
        return messages.getMessage(codeOrText, null, codeOrText, locale);
    }
}
