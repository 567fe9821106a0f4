package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import dev.fapiaoflow.shared.upload.HostileFiles;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.verification.internal.BatchFiles;

/**
 * Issue 16, "uploads parse nothing dangerous": hostile OFD and XLSX files at every upload door (the anonymous
 * document check on the API and its page, batch uploads on the API and their page). Each is refused with a 4xx
 * ProblemDetail (or the page with a 4xx status) within a second; no request reaches the attacker's listener, and no
 * unpacked file is left in the upload work folder or in ofdrw's temp folders.
 */
class HostileUploadsTest extends SpringTestBase {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${fapiaoflow.uploads.work-dir:${java.io.tmpdir}}")
    Path workDir;

    private HostileFiles.Listener attacker;
    private Set<String> ofdTempDirsBefore;

    @BeforeEach
    void listen() {
        attacker = new HostileFiles.Listener();
        ofdTempDirsBefore = ofdrwTempDirs();
    }

    @AfterEach
    void stop() {
        attacker.close();
    }

    @Test
    void anOfdDeclaringAnExternalEntityMakesNoOutboundRequestAndIsRefusedWith422() throws Exception {
        byte[] ofd = HostileFiles.ofd(HostileFiles.externalEntityDoctype("ofd:OFD", attacker.url()), "&xxe;");

        MockHttpServletResponse response = document(ofd);

        assertThat(attacker.hits()).as("requests that reached the attacker's listener").isZero();
        assertProblem(response, 422, "DTD");
        assertNothingLeftBehind();
    }

    @Test
    void anOfdWithABillionLaughsIsRefusedWith422WithinASecond() throws Exception {
        byte[] ofd = HostileFiles.ofd(HostileFiles.billionLaughsDoctype("ofd:OFD"), "&lol9;");

        long started = System.nanoTime();
        MockHttpServletResponse response = document(ofd);

        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
        assertProblem(response, 422, "DTD");
    }

    @Test
    void anOfdZipBombIsRefusedWith413WithinASecondAndLeavesNoFilesBehind() throws Exception {
        byte[] bomb = HostileFiles.ofdZipBomb(20, 100);
        assertThat(bomb.length).as("bytes on the wire").isLessThan(3 * 1024 * 1024);

        long started = System.nanoTime();
        MockHttpServletResponse response = document(bomb);

        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
        assertProblem(response, 413, "解压");
        assertNothingLeftBehind();
    }

    @Test
    void anOfdOfThousandsOfFilesIsRefusedWith413() throws Exception {
        byte[] crowded = HostileFiles.manyEntries(HostileFiles.ofd("", "ok"), 5000);

        assertProblem(document(crowded), 413, "文件数");
        assertNothingLeftBehind();
    }

    @Test
    void theRefusalSpeaksEnglishToAnEnglishCaller() throws Exception {
        byte[] ofd = HostileFiles.ofd(HostileFiles.externalEntityDoctype("ofd:OFD", attacker.url()), "&xxe;");

        MockHttpServletResponse response = mockMvc.perform(withClient(multipart("/api/verifications/document")
                .file(new MockMultipartFile("file", "invoice.ofd", "application/ofd", ofd)))
                .cookie(new Cookie("fapiaoflow-lang", "en"))).andReturn().getResponse();

        assertProblem(response, 422, "document type declaration");
    }

    @Test
    void theDocumentPageAnswersAHostileOfdWith422AndSaysWhy() throws Exception {
        byte[] ofd = HostileFiles.ofd(HostileFiles.externalEntityDoctype("ofd:OFD", attacker.url()), "&xxe;");

        MockHttpServletResponse response = mockMvc.perform(withClient(multipart("/verify/document")
                .file(new MockMultipartFile("file", "invoice.ofd", "application/ofd", ofd))).with(csrf())).andReturn().getResponse();

        assertThat(attacker.hits()).isZero();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("data-result=\"rejected\"", "DTD");
        assertNothingLeftBehind();
    }

    @Test
    void aPdfWhoseXfaFormDeclaresAnExternalEntityMakesNoOutboundRequestAndIsRefusedWith422() throws Exception {
        String xxe = HostileFiles.externalEntityDoctype("xdp:xdp", attacker.url())
                + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template>&xxe;</template></xdp:xdp>";

        MockHttpServletResponse response = mockMvc.perform(withClient(multipart("/api/verifications/document")
                .file(new MockMultipartFile("file", "invoice.pdf", "application/pdf", pdfWithXfa(xxe))))).andReturn().getResponse();

        assertThat(attacker.hits()).as("requests that reached the attacker's listener").isZero();
        assertProblem(response, 422, "DTD");
    }

    private static byte[] pdfWithXfa(String xml) {
        return HostileFiles.pdfWithXfa(xml);
    }

    @Test
    void anXlsxDeclaringAnExternalEntityMakesNoOutboundRequestAndIsRefusedWith422() throws Exception {
        byte[] xlsx = HostileFiles.replaceEntry(BatchFiles.xlsx(new String[] { "26110000000000000123", "2026-11-03", "1.00" }),
                "xl/worksheets/sheet1.xml", sheet -> HostileFiles.externalEntityDoctype("worksheet", attacker.url())
                        + sheet.substring(sheet.indexOf("<worksheet")));
        int batchesBefore = batches();

        MockHttpServletResponse response = batch(xlsx);

        assertThat(attacker.hits()).isZero();
        assertProblem(response, 422, "DTD");
        assertThat(batches()).as("batches stored").isEqualTo(batchesBefore);
    }

    @Test
    void anXlsxWithABillionLaughsInItsSharedStringsIsRefusedWith422() throws Exception {
        byte[] xlsx = HostileFiles.replaceEntry(BatchFiles.xlsxAsText(List.<String[]>of(BatchFiles.HEADER.split(","),
                new String[] { "26110000000000000123", "2026-11-03", "1.00" })), "xl/sharedStrings.xml",
                strings -> HostileFiles.billionLaughsDoctype("sst") + strings.substring(strings.indexOf("<sst")));

        assertProblem(batch(xlsx), 422, "DTD");
    }

    @Test
    void anXlsxZipBombIsRefusedWith413WithinASecond() throws Exception {
        byte[] bomb = BatchFiles.zipBomb();

        long started = System.nanoTime();
        MockHttpServletResponse response = batch(bomb);

        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
        assertProblem(response, 413, "解压");
    }

    @Test
    void anXlsxOfThousandsOfFilesIsRefusedWith413() throws Exception {
        byte[] crowded = HostileFiles.manyEntries(BatchFiles.xlsx(new String[] { "26110000000000000123", "2026-11-03", "1.00" }),
                5000);

        assertProblem(batch(crowded), 413, "文件数");
    }

    @Test
    void theBatchPageAnswersAHostileXlsxWith422AndSaysWhy() throws Exception {
        byte[] xlsx = HostileFiles.replaceEntry(BatchFiles.xlsx(new String[] { "26110000000000000123", "2026-11-03", "1.00" }),
                "xl/worksheets/sheet1.xml", sheet -> HostileFiles.externalEntityDoctype("worksheet", attacker.url())
                        + sheet.substring(sheet.indexOf("<worksheet")));

        MockHttpServletResponse response = mockMvc.perform(multipart("/verify/batch")
                .file(new MockMultipartFile("file", "batch.xlsx", "application/octet-stream", xlsx))
                .with(httpBasic("alice", "demo")).with(csrf())).andReturn().getResponse();

        assertThat(attacker.hits()).isZero();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("DTD");
    }

    private MockHttpServletResponse document(byte[] content) throws Exception {
        return mockMvc.perform(withClient(multipart("/api/verifications/document")
                .file(new MockMultipartFile("file", "invoice.ofd", "application/ofd", content)))).andReturn().getResponse();
    }

    private MockHttpServletResponse batch(byte[] content) throws Exception {
        return mockMvc.perform(multipart("/api/verifications/batch")
                .file(new MockMultipartFile("file", "batch.xlsx", "application/octet-stream", content))
                .with(httpBasic("alice", "demo"))).andReturn().getResponse();
    }

    /** each upload from an address of its own, so the anonymous rate limit never answers in the refusal's place */
    private static MockMultipartHttpServletRequestBuilder withClient(MockMultipartHttpServletRequestBuilder request) {
        String address = "10.16.2." + CLIENTS.incrementAndGet();
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return request;
    }

    private void assertProblem(MockHttpServletResponse response, int status, String saying) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("detail").asText()).contains(saying);
    }

    private int batches() {
        return jdbc.queryForObject("SELECT count(*) FROM verification_batch", Integer.class);
    }

    private void assertNothingLeftBehind() {
        assertThat(children(workDir)).as("files left in the upload work folder " + workDir).isEmpty();
        Set<String> added = ofdrwTempDirs();
        added.removeAll(ofdTempDirsBefore);
        assertThat(added).as("ofdrw temp folders left in " + System.getProperty("java.io.tmpdir")).isEmpty();
    }

    /** ofdrw's own OFDReader(InputStream) unpacks to java.io.tmpdir/ofd-tmp-*; none may appear */
    private static Set<String> ofdrwTempDirs() {
        return children(Path.of(System.getProperty("java.io.tmpdir"))).stream().filter(name -> name.startsWith("ofd-tmp-"))
                .collect(Collectors.toSet());
    }

    private static List<String> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
