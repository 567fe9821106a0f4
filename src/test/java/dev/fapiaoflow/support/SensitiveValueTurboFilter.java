package dev.fapiaoflow.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Sees every logging call of the application's own code ({@code dev.fapiaoflow}) at any level, also those the
 * configured level drops (debug, trace), and checks the message as it would be written: a sensitive value in a
 * debug line would leak as soon as someone turns debug on. Changes nothing about what is logged.
 */
public class SensitiveValueTurboFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format != null && logger.getName().startsWith("dev.fapiaoflow.")) {
            String message = params == null || params.length == 0 ? format : MessageFormatter.arrayFormat(format, params).getMessage();
            SensitiveValueAppender.check(logger.getName(), level.toString(), message,
                    t == null ? null : String.valueOf(t.getMessage()));
        }
        return FilterReply.NEUTRAL;
    }
}
