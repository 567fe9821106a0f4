package dev.fapiaoflow.review;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The review's time limits as the model reads them ({@code ${reviewConfig...}}): when an open review escalates
 * (working days, Saturdays and Sundays skipped, in Shanghai time) and how long a supplement may take. Reads the
 * engine's clock, so tests move time with {@link ClockUtil}.
 */
public class ReviewConfig {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final int escalationWorkingDays;
    private final String supplementTimeout;

    public ReviewConfig(int escalationWorkingDays, String supplementTimeout) {
        this.escalationWorkingDays = escalationWorkingDays;
        this.supplementTimeout = supplementTimeout;
    }

    /** the ISO-8601 duration the customer has to supply more information, e.g. P7D */
    public String getSupplementTimeout() {
        return supplementTimeout;
    }

    /** now plus the configured number of working days, same time of day */
    public Date escalationDue() {
        return Date.from(addWorkingDays(ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI),
                escalationWorkingDays).toInstant());
    }

    static ZonedDateTime addWorkingDays(ZonedDateTime from, int days) {
        ZonedDateTime due = from;
        int left = days;
        while (left > 0) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return due;
    }
}
