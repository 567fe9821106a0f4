package dev.fapiaoflow.accounting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.accounting.DailyVouchers;
import dev.fapiaoflow.accounting.VoucherFeed;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** The daily voucher feed for the finance software: JSON, or the README layout as CSV or XLSX. */
@RestController
@RequestMapping("/api/accounting/vouchers")
@PreAuthorize("hasAnyAuthority('finance-manager', 'admin')")
class VoucherController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final VoucherFeed feed;

    VoucherController(VoucherFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    DailyVouchers vouchers(@RequestParam(required = false) String date) {
        return feed.vouchersOn(day(date));
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String date,
            @RequestParam(defaultValue = "csv") String format) throws IOException {
        LocalDate day = day(date);
        DailyVouchers vouchers = feed.vouchersOn(day);
        String file = "vouchers-" + day;
        return switch (format) {
            case "csv" -> download(VoucherExport.csv(vouchers), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), file + ".csv");
            case "xlsx" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                VoucherExport.xlsx(vouchers, out);
                yield download(out.toByteArray(), XLSX, file + ".xlsx");
            }
            default -> throw new InvalidInputException("format", Texts.of("voucher.format.invalid"));
        };
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    private static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            throw new InvalidInputException("date", Texts.of("field.date.format"));
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", Texts.of("field.date.format"));
        }
    }
}
