package dev.fapiaoflow.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;

/** The reports page, its charts as SVG files and the two exports; all for one date range ({@code from}, {@code to}). */
@Controller
@PreAuthorize("hasAnyAuthority('finance-manager', 'admin')")
class ReportController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Reports reports;
    private final MessageSource messages;
    private final Clock clock;

    ReportController(Reports reports, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Authentication user, Locale locale, HttpServletResponse response) {
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        ReportRange range;
        try {
            range = ReportRange.parse(from, to, clock);
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", invalid.errors());
            model.addAttribute("from", from == null ? "" : from);
            model.addAttribute("to", to == null ? "" : to);
            return "reporting/reports";
        }
        model.addAttribute("from", range.from().toString());
        model.addAttribute("to", range.to().toString());
        model.addAttribute("query", "from=" + range.from() + "&to=" + range.to());
        model.addAttribute("report", ReportPage.of(reports.of(range), new Labels(messages, locale)));
        return "reporting/reports";
    }

    @GetMapping("/reports/charts/{name}.svg")
    ResponseEntity<String> chart(@PathVariable String name, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        ReportChart chart = reports.of(ReportRange.parse(from, to, clock)).chart(name)
                .orElseThrow(() -> new NotFoundException("chart", name));
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ChartRenderer.svg(chart, new Labels(messages, locale));
        return ResponseEntity.ok().contentType(SVG).body(svg);
    }

    /**
     * The embedded CJK font for the page's {@code @font-face}: the inline charts' Chinese text then shows on machines
     * without a Chinese font too. It never changes within a release, so browsers keep it.
     */
    @GetMapping("/reports/chart-font.ttf")
    ResponseEntity<Resource> font() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("font/ttf"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
                .body(new ClassPathResource(ChartFont.RESOURCE));
    }

    @GetMapping("/reports/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Locale locale) throws IOException {
        Report report = reports.of(ReportRange.parse(from, to, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(report, new Labels(messages, locale), out);
        return attachment(report, "csv", CSV, out.toByteArray());
    }

    @GetMapping("/reports/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Locale locale) throws IOException {
        Report report = reports.of(ReportRange.parse(from, to, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(report, new Labels(messages, locale), out);
        return attachment(report, "xlsx", XLSX, out.toByteArray());
    }

    private static ResponseEntity<byte[]> attachment(Report report, String extension, MediaType type, byte[] body) {
        String fileName = "fapiaoflow-report-" + report.range().from() + "-" + report.range().to() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
