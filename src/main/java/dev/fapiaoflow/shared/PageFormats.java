package dev.fapiaoflow.shared;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Times are stored in UTC and shown in Asia/Shanghai; templates call {@code fmt.date(...)} (public: FreeMarker sees only public types). */
@ControllerAdvice
public class PageFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(TimeConfig.CHINA);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.CHINA);

    @ModelAttribute("fmt")
    PageFormats formats() {
        return this;
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
