package dev.fapiaoflow.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

class VoucherFeedApiTest extends SpringTestBase {

    @Autowired
    InvoiceRepository invoiceRepository;
    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IssuanceService issuance;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDaysVouchersBalanceAndMatchTheDaysInvoicesIssuedRedLetteredAndVoided() {
        IssuedInvoices invoices = new IssuedInvoices(this::client);
        JsonNode kept = invoices.forAcme("1060.00");
        JsonNode reversed = invoices.forAlice("500.00");
        JsonNode voided = invoices.forAlice("318.00");
        long red = issuance.redLetter(reversed.get("id").asLong(), RedLetterReason.ISSUED_IN_ERROR, "manager");
        // an e-mailed 数电 invoice is never voided any more (only an unposted paper one is): the voiding is recorded
        // directly, as a voided paper invoice's would be, since the feed only reads what happened
        transactions.executeWithoutResult(tx -> invoiceRepository.findById(voided.get("id").asLong()).orElseThrow()
                .markVoided("manager", java.time.Instant.now(), "开错"));
        LocalDate day = LocalDate.parse(kept.get("issueDate").asText());

        JsonNode feed = client("manager").get().uri("/api/accounting/vouchers?date={d}", day).retrieve().body(JsonNode.class);

        assertThat(feed.get("balanced").asBoolean()).isTrue();
        assertThat(new BigDecimal(feed.get("debitTotal").asText())).isEqualByComparingTo(new BigDecimal(feed.get("creditTotal").asText()));
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JsonNode voucher : feed.get("vouchers")) {
            BigDecimal voucherDebit = BigDecimal.ZERO;
            BigDecimal voucherCredit = BigDecimal.ZERO;
            for (JsonNode line : voucher.get("lines")) {
                voucherDebit = voucherDebit.add(new BigDecimal(line.get("debit").asText()));
                voucherCredit = voucherCredit.add(new BigDecimal(line.get("credit").asText()));
            }
            assertThat(voucherDebit).as("voucher %s balances", voucher.get("number")).isEqualByComparingTo(voucherCredit);
            debits = debits.add(voucherDebit);
            credits = credits.add(voucherCredit);
        }
        assertThat(debits).isEqualByComparingTo(credits);
        // the day's receivable = every invoice issued that day (red ones negative) less those voided that day
        BigDecimal issued = jdbc.queryForObject("select coalesce(sum(total_amount), 0) from invoice where issue_date = ?",
                BigDecimal.class, day);
        BigDecimal voidedTotal = jdbc.queryForObject("select coalesce(sum(i.total_amount), 0) from invoice i where exists"
                + " (select 1 from invoice_status_change c where c.invoice_id = i.id and c.status = 'VOIDED'"
                + " and c.changed_at >= ? and c.changed_at < ?)", BigDecimal.class,
                java.sql.Timestamp.from(day.atStartOfDay(TimeConfig.CHINA).toInstant()),
                java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(TimeConfig.CHINA).toInstant()));
        assertThat(debits).isEqualByComparingTo(issued.subtract(voidedTotal));

        assertThat(linesOf(feed, kept.get("number").asText(), "ISSUED"))
                .containsExactly("1122 1060.00 0.00", "6001 0.00 1000.00", "22210106 0.00 60.00");
        String redNumber = issuance.facts(red).orElseThrow().number();
        assertThat(linesOf(feed, redNumber, "RED_LETTER"))
                .containsExactly("1122 -500.00 0.00", "6001 0.00 -471.70", "22210106 0.00 -28.30");
        assertThat(linesOf(feed, voided.get("number").asText(), "VOIDED"))
                .containsExactly("1122 -318.00 0.00", "6001 0.00 -300.00", "22210106 0.00 -18.00");
    }

    @Test
    void csvAndXlsxCarryTheDocumentedLayout() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("212.00");
        String day = invoice.get("issueDate").asText();

        String csv = client("admin").get().uri("/api/accounting/vouchers/export?date={d}&format=csv", day).retrieve()
                .body(String.class);
        assertThat(csv).startsWith("\uFEFF凭证日期,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额,发票号码,业务类型\r\n");
        assertThat(csv).contains(",\"1122\",\"应收账款\",212.00,0.00,\"" + invoice.get("number").asText() + "\",ISSUED\r\n");

        byte[] xlsx = client("manager").get().uri("/api/accounting/vouchers/export?date={d}&format=xlsx", day).retrieve()
                .body(byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("借方金额");
            List<String> numbers = new ArrayList<>();
            sheet.forEach(row -> numbers.add(row.getCell(7).getStringCellValue()));
            assertThat(numbers).contains(invoice.get("number").asText());
        }
    }

    @Test
    void onlyFinanceManagersAndAdminsMayReadTheBooksAndTheDateIsChecked() {
        assertThat(client("reviewer").get().uri("/api/accounting/vouchers?date=2026-01-01").retrieve().toBodilessEntity()
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client("alice").get().uri("/api/accounting/vouchers?date=2026-01-01").retrieve().toBodilessEntity()
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var bad = client("manager").get().uri("/api/accounting/vouchers?date=yesterday").retrieve().toEntity(String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("date");
        var badFormat = client("manager").get().uri("/api/accounting/vouchers/export?date=2026-01-01&format=pdf").retrieve()
                .toEntity(String.class);
        assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode empty = client("admin").get().uri("/api/accounting/vouchers?date=2001-01-01").retrieve().body(JsonNode.class);
        assertThat(empty.get("vouchers").size()).isZero();
        assertThat(empty.get("balanced").asBoolean()).isTrue();
        assertThat(new String(client("admin").get().uri("/api/accounting/vouchers/export?date=2001-01-01").retrieve()
                .body(byte[].class), StandardCharsets.UTF_8)).hasLineCount(1);
    }

    private static List<String> linesOf(JsonNode feed, String invoiceNumber, String event) {
        for (JsonNode voucher : feed.get("vouchers")) {
            if (voucher.get("invoiceNumber").asText().equals(invoiceNumber) && voucher.get("event").asText().equals(event)) {
                List<String> lines = new ArrayList<>();
                voucher.get("lines").forEach(line -> lines.add(line.get("accountCode").asText() + " "
                        + new BigDecimal(line.get("debit").asText()) + " " + new BigDecimal(line.get("credit").asText())));
                return lines;
            }
        }
        throw new AssertionError("no " + event + " voucher for " + invoiceNumber + " in " + feed);
    }
}
