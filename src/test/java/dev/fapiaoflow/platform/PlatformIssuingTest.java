package dev.fapiaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.platform.internal.PlatformSimulator;
import dev.fapiaoflow.platform.internal.SimulatorFaults;
import dev.fapiaoflow.support.PlatformModeTest;
import dev.fapiaoflow.support.Waiting;

/**
 * Issuing through the e-invoice platform adapter against the in-context simulator, in an application started in
 * platform mode with test keys of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformIssuingTest extends PlatformModeTest {

    /** every fault the simulator knows, at rates a bad day on a real platform might show */
    static final SimulatorFaults BAD_DAY = new SimulatorFaults(0.10, Duration.ofMillis(1500), 0.05, 0.05, 0.15,
            Duration.ofSeconds(3), 0.15, 0.10, 0.10, 0.10, Duration.ofSeconds(20));

    @Autowired
    IssuerSelection issuers;
    @Autowired
    PlatformSimulator simulator;
    @Autowired
    PlatformClient platform;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.fapiaoflow.issuance.IssuanceService issuance;

    @BeforeEach
    void issueThroughThePlatform() {
        issuers.use(IssuerSelection.PLATFORM);
        simulator.faults(SimulatorFaults.none());
    }

    @AfterEach
    void noMoreFaults() {
        simulator.faults(SimulatorFaults.none());
    }

    @Test
    void twoHundredRequestsUnderInjectedFaultsEndInExactlyTwoHundredInvoices() throws Exception {
        platform.find("FF-WARM-UP"); // a long-lived token first: the bad day's short TTL then expires it under the client
        simulator.faults(BAD_DAY);
        simulator.resetStats();
        long started = System.nanoTime();
        PlatformRequests requests = new PlatformRequests(this::client, jdbc);

        List<Long> ids = requests.apply(200, "106.00");
        requests.awaitDelivered(ids, Duration.ofSeconds(150));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        assertThat(jdbc.queryForObject("select count(*) from invoice where request_id in (" + in + ")", Integer.class))
                .isEqualTo(200);
        assertThat(jdbc.queryForList("select request_id from invoice where request_id in (" + in
                + ") group by request_id having count(*) <> 1", Long.class)).as("requests without exactly one invoice").isEmpty();
        assertThat(jdbc.queryForList("select number from invoice where request_id in (" + in + ")", String.class))
                .as("numbered by the platform").allMatch(number -> number.matches("\\d{2}118\\d{15}"));
        assertThat(jdbc.queryForObject("select count(*) from invoice_document d join invoice i on i.id = d.invoice_id"
                + " where i.request_id in (" + in + ")", Integer.class)).as("the platform's PDF and OFD of each").isEqualTo(400);
        for (long id : ids) {
            assertThat(simulator.invoicesFor("FF" + id + "P1")).isEqualTo(1);
        }
        Map<String, Long> stats = simulator.stats();
        assertThat(stats.get("invoices issued")).as("the platform issued one invoice per request").isGreaterThanOrEqualTo(200L);
        assertThat(stats).containsKeys("slow answers", "5xx before issuing", "5xx after issuing", "duplicate serials answered",
                "callbacks late", "callbacks sent twice", "stale callbacks after the final one", "callbacks lost",
                "forged callbacks answered 200", "expired tokens refused", "tokens issued");
        assertThat(jdbc.queryForList("select number from invoice where request_id in (" + in + ")", String.class))
                .as("no number a forged callback claimed").doesNotContain("26118999999999999999");
        String keys = String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
        assertThat(jdbc.queryForObject("select count(*) from act_ru_incident i join act_ru_execution e on e.id_ = i.proc_inst_id_"
                + " where e.business_key_ in (" + keys + ")", Integer.class)).as("incidents").isZero();
        System.out.println("Platform fault run: 200 requests, 200 invoices in " + took.toSeconds() + " s; faults: " + BAD_DAY
                + "; simulator: " + stats);
    }

    @Test
    void theInvoiceCarriesThePlatformsNumberAndItsUnmarkedPdfAndMail() throws Exception {
        JsonNode invoice = new dev.fapiaoflow.support.IssuedInvoices(this::client).forAlice("53.00");

        assertThat(invoice.get("number").asText()).matches("\\d{2}118\\d{15}");
        byte[] pdf = client("alice").get().uri("/api/invoices/{id}/pdf", invoice.get("id").asLong()).retrieve().body(byte[].class);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (com.itextpdf.kernel.pdf.PdfDocument document = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf)))) {
            assertThat(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getPage(1)))
                    .as("the platform's document, unmarked").contains(invoice.get("number").asText())
                    .doesNotContain(dev.fapiaoflow.issuance.DemoMark.TEXT);
        }
        assertThat(issuance.isDemo(invoice.get("id").asLong())).isFalse();
        jakarta.mail.internet.MimeMessage mail = dev.fapiaoflow.support.MailTexts.about(invoice.get("number").asText());
        assertThat(mail.getSubject()).doesNotContain(dev.fapiaoflow.issuance.DemoMark.TEXT);
        assertThat(dev.fapiaoflow.support.MailTexts.text(mail)).doesNotContain(dev.fapiaoflow.issuance.DemoMark.TEXT);
        String ofd = jdbc.queryForObject("select sha256 from invoice_document where invoice_id = ? and format = 'OFD'",
                String.class, invoice.get("id").asLong());
        assertThat(ofd).hasSize(64);
    }

    @Test
    void redLetterOfAPlatformInvoiceGoesThroughOneConfirmationEvenWhenRepeatedAndVoidingOneIsRefused() {
        JsonNode reversed = new dev.fapiaoflow.support.IssuedInvoices(this::client).forAlice("212.00");
        JsonNode voided = new dev.fapiaoflow.support.IssuedInvoices(this::client).forAlice("106.00");
        simulator.resetStats();

        long red = issuance.redLetter(reversed.get("id").asLong(), dev.fapiaoflow.issuance.RedLetterReason.ISSUED_IN_ERROR, "manager");
        long again = issuance.redLetter(reversed.get("id").asLong(), dev.fapiaoflow.issuance.RedLetterReason.ISSUED_IN_ERROR, "manager");
        Throwable voiding = catchThrowable(() -> issuance.voidInvoice(voided.get("id").asLong(), "manager", "开错"));

        assertThat(again).isEqualTo(red);
        var facts = issuance.facts(red).orElseThrow();
        assertThat(facts.number()).matches("\\d{2}118\\d{15}");
        assertThat(facts.totalAmount()).isEqualByComparingTo("-212.00");
        assertThat(issuance.pdf(red)).get().satisfies(pdf -> assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-"));
        assertThat(simulator.stats()).containsEntry("red-letter confirmations", 1L).containsEntry("red-letter invoices issued", 1L);
        assertThat(voiding).as("a 数电 invoice is never voided").hasMessageContaining("never voided");
        assertThat(issuance.voidable(voided.get("id").asLong())).as("so a dispute corrects it by red-letter").isFalse();
        assertThat(issuance.facts(voided.get("id").asLong()).orElseThrow().status()).isNotEqualTo(dev.fapiaoflow.issuance.InvoiceStatus.VOIDED);
    }

    @Test
    void aRedLetterWaitingForTheBuyersConfirmationIsRetriedAndCompletesOnceTheBuyerConfirms() {
        JsonNode used = new dev.fapiaoflow.support.IssuedInvoices(this::client).forAlice("318.00");
        long usedId = used.get("id").asLong();
        simulator.resetStats();
        simulator.buyerMustConfirm(true);

        Throwable first = catchThrowable(() -> issuance.redLetter(usedId, dev.fapiaoflow.issuance.RedLetterReason.ISSUED_IN_ERROR, "manager"));
        Throwable retried = catchThrowable(() -> issuance.redLetter(usedId, dev.fapiaoflow.issuance.RedLetterReason.ISSUED_IN_ERROR, "manager"));

        assertThat(first).as("the step fails for its job to retry").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWAITING_BUYER");
        assertThat(retried).isInstanceOf(IllegalStateException.class).hasMessageContaining("AWAITING_BUYER");
        assertThat(platform.redLetterConfirmation("FFRC" + usedId + "N1")).get()
                .extracting(RedLetterConfirmation::state).isEqualTo(RedLetterConfirmation.State.AWAITING_BUYER);
        assertThat(simulator.stats()).as("the retry looks again instead of filing a second confirmation")
                .containsEntry("red-letter confirmations", 1L).doesNotContainKey("red-letter invoices issued");
        assertThat(jdbc.queryForObject("select count(*) from invoice where request_id = (select request_id from invoice where id = ?)",
                Integer.class, usedId)).as("no red-letter invoice stored yet").isEqualTo(1);

        simulator.buyerConfirms("FFRC" + usedId + "N1");
        long red = issuance.redLetter(usedId, dev.fapiaoflow.issuance.RedLetterReason.ISSUED_IN_ERROR, "manager");

        var facts = issuance.facts(red).orElseThrow();
        assertThat(facts.totalAmount()).isEqualByComparingTo("-318.00");
        assertThat(facts.number()).matches("\\d{2}118\\d{15}");
        assertThat(simulator.stats()).containsEntry("red-letter confirmations", 1L).containsEntry("red-letter invoices issued", 1L);
    }

    @Test
    void aForgedCallbackClaimingAnInvoiceThePlatformHasNotIssuedChangesNothing(CapturedOutput output) {
        String serial = "FFCB" + System.nanoTime() % 1_000_000 + "P1";
        submitted(serial); // ours, but the platform has issued nothing under it
        String unknown = "FFCB" + System.nanoTime() % 1_000_000 + "X1";

        var forged = postCallback(serial, claimIssued(serial, "26118999999999999999"));
        var aboutSomeoneElses = postCallback(unknown, claimIssued(unknown, "26118999999999999998"));

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forged.getBody()).contains("0000");
        assertThat(platform.knownResult(serial)).as("only the platform's query answer is kept").isEmpty();
        assertThat(aboutSomeoneElses.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(platform.knownResult(unknown)).isEmpty();
        assertThat(output.getOut()).contains("that we never submitted: ignored");
    }

    @Test
    void repeatedCallbacksAboutASerialInProgressSpendOneQueryNotOneEach() {
        String serial = "FFCB" + System.nanoTime() % 1_000_000 + "P2";
        submitted(serial); // ours, still without a result at the platform

        for (int i = 0; i < 20; i++) {
            assertThat(postCallback(serial, claimIssued(serial, "26118999999999999999")).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        assertThat(simulator.queriesFor(serial)).as("one query within the callback query interval").isEqualTo(1);
        assertThat(platform.knownResult(serial)).isEmpty();
    }

    @Test
    void aCallbackThatIsNotTheDocumentedFormIsRefused() {
        String signedJson = "{\"orderNo\":\"FF999999P1\",\"status\":\"2\",\"allElectronicInvoiceNumber\":\"26118000000000099999\"}";
        var json = anonymous().post().uri("/api/platform/callback").contentType(MediaType.APPLICATION_JSON).body(signedJson)
                .retrieve().toEntity(String.class);
        var otherOperation = anonymous().post().uri("/api/platform/callback").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("operater=invalid&orderno=FF999999P1").retrieve().toEntity(String.class);
        var noOrder = anonymous().post().uri("/api/platform/callback").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("operater=callback&content=%7B%7D").retrieve().toEntity(String.class);

        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(otherOperation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noOrder.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noOrder.getBody()).contains("operater=callback");
        assertThat(platform.knownResult("FF999999P1")).isEmpty();
    }

    @Test
    void aGenuineCallbackMakesTheResultKnownAtOnceFromThePlatformsOwnAnswer() throws Exception {
        simulator.faults(new SimulatorFaults(0, Duration.ZERO, 0, 0, 0, Duration.ZERO, 0, 0, 0, 1.0, Duration.ofHours(24)));
        PlatformOrder order = order("FFCB" + System.nanoTime() % 1_000_000 + "P1");
        submitted(order.serial());
        assertThat(platform.issue(order)).isEqualTo(PlatformClient.Submission.ACCEPTED);
        Waiting.until("the simulator issued " + order.serial(), Duration.ofSeconds(10), () -> simulator.issued(order.serial()));
        assertThat(platform.knownResult(order.serial())).as("nobody asked yet, and the simulator's callback was lost").isEmpty();

        // the platform's own callback, its content tampered with on the way: what we keep is what the query answers
        var answer = postCallback(order.serial(), claimIssued(order.serial(), "26118999999999999999"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        PlatformResult known = platform.knownResult(order.serial()).orElseThrow();
        assertThat(known.issued()).isTrue();
        assertThat(known.invoiceNumber()).matches("\\d{2}118\\d{15}").isNotEqualTo("26118999999999999999");
        assertThat(known.totalAmount()).isEqualByComparingTo("106.00");

        var repeated = postCallback(order.serial(), "{}");
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(platform.knownResult(order.serial())).contains(known);
    }

    private void submitted(String serial) {
        jdbc.update("insert into platform_submission (serial, request_id, part_no, status, attempts, created_at, version)"
                + " values (?, ?, 1, 'SUBMITTED', 0, current_timestamp, 0)", serial, -System.nanoTime());
    }

    /** a callback content as documented (NuonuoFixtures.CALLBACK_FORM) claiming the invoice issued under {@code number} */
    private static String claimIssued(String serial, String number) {
        return "{\"c_orderno\":\"" + serial + "\",\"c_status\":\"1\",\"c_fpdm\":\"\",\"c_fphm\":\"" + number
                + "\",\"c_bhsje\":\"0.01\",\"c_url\":\"https://attacker.example/x.pdf\"}";
    }

    private org.springframework.http.ResponseEntity<String> postCallback(String serial, String content) {
        return anonymous().post().uri("/api/platform/callback").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("operater=callback&orderno=" + serial + "&content="
                        + java.net.URLEncoder.encode(content, StandardCharsets.UTF_8))
                .retrieve().toEntity(String.class);
    }

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    @Test
    void aRepeatedSerialIsAnsweredAsDuplicateAndTheRedLetterConfirmationIssuesTheRedInvoiceOrIsCancelled() throws Exception {
        PlatformOrder order = order("FFCLIENT" + System.nanoTime() % 1_000_000);

        assertThat(platform.issue(order)).isEqualTo(PlatformClient.Submission.ACCEPTED);
        assertThat(platform.issue(order)).isEqualTo(PlatformClient.Submission.DUPLICATE);
        PlatformResult issued = awaitIssued(order.serial());
        assertThat(issued.totalAmount()).isEqualByComparingTo("106.00");

        String billId = platform.applyRedLetterConfirmation(new RedLetterApplication("B" + order.serial(), order.serial() + "R",
                PlatformOrder.Kind.ORDINARY, issued.invoiceNumber(), order.seller(), "爱丽丝", null,
                RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of()));
        assertThat(platform.redLetterConfirmation(billId)).get().satisfies(confirmation -> {
            assertThat(confirmation.state()).isEqualTo(RedLetterConfirmation.State.NO_CONFIRMATION_NEEDED);
            assertThat(confirmation.redSerial()).isEqualTo(order.serial() + "R");
        });
        PlatformResult red = awaitIssued(order.serial() + "R");
        assertThat(red.totalAmount()).isEqualByComparingTo("-106.00");
        assertThat(catchThrowable(() -> platform.cancelRedLetterConfirmation(billId)))
                .as("a confirmation whose red invoice is issued cannot be cancelled").isInstanceOf(PlatformRefused.class);
        assertThat(catchThrowable(() -> platform.applyRedLetterConfirmation(new RedLetterApplication("B2" + order.serial(),
                order.serial() + "S", PlatformOrder.Kind.ORDINARY, issued.invoiceNumber(), order.seller(), "爱丽丝", null,
                RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of()))))
                .as("nothing is left to reverse").isInstanceOf(PlatformRefused.class);

        PlatformOrder another = order(order.serial() + "V");
        platform.issue(another);
        PlatformResult second = awaitIssued(another.serial());
        String unused = platform.applyRedLetterConfirmation(new RedLetterApplication("B" + another.serial(), "",
                PlatformOrder.Kind.ORDINARY, second.invoiceNumber(), order.seller(), "爱丽丝", null,
                RedLetterApplication.RedReason.SALES_RETURN, List.of()));
        platform.cancelRedLetterConfirmation(unused);
        assertThat(platform.redLetterConfirmation(unused)).get().extracting(RedLetterConfirmation::state)
                .isEqualTo(RedLetterConfirmation.State.VOID);
    }

    /**
     * The strict simulator, as the documentation says: the red-letter confirmation names the blue invoice's own kind
     * (blueInvoiceLine "对应蓝票发票种类"), and the red of a 数电 paper invoice is not issued by the confirmation
     * ("电票都自动开，纸票都不自动") but asked for with fastInvoiceRed ("用于数电纸票快捷冲红"), of the blue's kind.
     */
    @Test
    void aPaperInvoicesRedLetterNamesItsPaperKindAndIsIssuedByFastInvoiceRed() {
        PlatformOrder o = order("FFPAPER" + System.nanoTime() % 1_000_000);
        PlatformOrder paper = new PlatformOrder(o.serial(), PlatformOrder.Kind.ORDINARY, o.orderedAt(), o.seller(), o.buyer(),
                null, o.lines(), o.totalAmount(), true);
        platform.issue(paper);
        PlatformResult blue = awaitIssued(paper.serial());
        assertThat(simulator.invoiceLineOf(blue.invoiceNumber())).isEqualTo("ec");

        assertThat(catchThrowable(() -> platform.applyRedLetterConfirmation(new RedLetterApplication("BE" + paper.serial(),
                paper.serial() + "E", PlatformOrder.Kind.ORDINARY, false, blue.invoiceNumber(), paper.seller(), "爱丽丝", null,
                RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of()))))
                .as("an electronic kind for a paper blue invoice").isInstanceOf(PlatformRefused.class);

        RedLetterApplication application = new RedLetterApplication("B" + paper.serial(), paper.serial() + "R",
                PlatformOrder.Kind.ORDINARY, true, blue.invoiceNumber(), paper.seller(), "爱丽丝", null,
                RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of());
        String billId = platform.applyRedLetterConfirmation(application);
        RedLetterConfirmation confirmation = platform.redLetterConfirmation(billId).orElseThrow();
        assertThat(confirmation.state().allowsRedInvoice()).isTrue();
        assertThat(platform.find(paper.serial() + "R")).as("not issued by the confirmation alone").isEmpty();

        RedLetterApplication electronicKind = new RedLetterApplication(application.billId(), application.redSerial(),
                PlatformOrder.Kind.ORDINARY, false, blue.invoiceNumber(), paper.seller(), "爱丽丝", null,
                RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of());
        assertThat(catchThrowable(() -> platform.issueRedOfPaper(paper.serial() + "R", electronicKind, confirmation)))
                .as("a red of another kind than its blue").isInstanceOf(PlatformRefused.class);
        assertThat(platform.issueRedOfPaper(paper.serial() + "R", application, confirmation)).isEqualTo(PlatformClient.Submission.ACCEPTED);
        assertThat(platform.issueRedOfPaper(paper.serial() + "R", application, confirmation)).isEqualTo(PlatformClient.Submission.DUPLICATE);
        PlatformResult red = awaitIssued(paper.serial() + "R");
        assertThat(red.totalAmount()).isEqualByComparingTo("-106.00");
        assertThat(simulator.invoiceLineOf(red.invoiceNumber())).isEqualTo("ec");
    }

    static PlatformOrder order(String serial) {
        return new PlatformOrder(serial, PlatformOrder.Kind.ORDINARY, Instant.now(),
                new PlatformOrder.Seller("北京启明在线教育科技有限公司", "91110108MA01ABCD2H", "北京市海淀区中关村大街1号", "010-88886666",
                        "中国工商银行北京中关村支行 0200001234567890123", "张会计", false),
                new PlatformOrder.Buyer("爱丽丝", null, null, null, null, null), null,
                List.of(new PlatformOrder.Line("*非学历教育服务*Python 入门课", "3070201020000000000", "课时", BigDecimal.ONE,
                        new BigDecimal("100.00"), new BigDecimal("0.06"), new BigDecimal("100.00"), new BigDecimal("6.00"),
                        new BigDecimal("106.00"))), new BigDecimal("106.00"));
    }

    private PlatformResult awaitIssued(String serial) {
        return Waiting.until(serial + " issued", Duration.ofSeconds(10), () -> platform.query(serial), PlatformResult::issued);
    }
}
