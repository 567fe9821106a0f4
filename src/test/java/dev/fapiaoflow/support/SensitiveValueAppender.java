package dev.fapiaoflow.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Registered for the whole test JVM by logback-test.xml: looks at every log event (message with its arguments, and
 * the messages of any exception chain) for the sensitive values the tests use, and keeps the offending events. Cheap:
 * a handful of {@code contains} per event, nothing stored unless there is a hit.
 */
public class SensitiveValueAppender extends AppenderBase<ILoggingEvent> {

    /** credit codes, phones, bank accounts and addresses of the test and demo buyers */
    public static final List<String> SENSITIVE_VALUES = List.of(
            "91110108351303601C", "010-12345678", "13800000000", "11001234567890123456", "110912345610801",
            "北京市海淀区中关村南大街5号", SealedValues.CORRECTED_PHONE, SealedValues.CORRECTED_ACCOUNT, SealedValues.CORRECTED_ADDRESS);

    private static final AtomicLong EVENTS = new AtomicLong();
    private static final List<String> HITS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        EVENTS.incrementAndGet();
        String text = event.getFormattedMessage();
        String hit = find(text);
        for (IThrowableProxy cause = event.getThrowableProxy(); hit == null && cause != null; cause = cause.getCause()) {
            hit = find(cause.getMessage());
            if (hit == null && cause.getStackTraceElementProxyArray() != null && cause.getStackTraceElementProxyArray().length > 0) {
                StackTraceElementProxy top = cause.getStackTraceElementProxyArray()[0];
                hit = find(top.getSTEAsString());
            }
        }
        if (hit != null && HITS.size() < 50) {
            HITS.add(event.getLoggerName() + " " + event.getLevel() + " [" + hit + "]: "
                    + (text == null ? "" : text.substring(0, Math.min(500, text.length()))));
        }
    }

    /** for {@link SensitiveValueTurboFilter}: a logging call, whether or not its level is enabled */
    static void check(String logger, String level, String message, String exceptionMessage) {
        EVENTS.incrementAndGet();
        String hit = find(message);
        if (hit == null) {
            hit = find(exceptionMessage);
        }
        if (hit != null && HITS.size() < 50) {
            HITS.add(logger + " " + level + " (any level) [" + hit + "]: " + message.substring(0, Math.min(500, message.length())));
        }
    }

    static String find(String text) {
        if (text == null) {
            return null;
        }
        for (String value : SENSITIVE_VALUES) {
            if (text.contains(value)) {
                return value;
            }
        }
        return null;
    }

    public static List<String> hits() {
        return List.copyOf(HITS);
    }

    public static long events() {
        return EVENTS.get();
    }
}
