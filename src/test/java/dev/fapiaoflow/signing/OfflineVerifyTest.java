package dev.fapiaoflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * tools/offline-verify/OfflineVerify.java run as users run it ({@code java OfflineVerify.java key.pem link}), with the
 * key fetched from the well-known URL; where the machine allows it, in a network namespace without any network.
 */
class OfflineVerifyTest extends SpringTestBase {

    private static final Path TOOL = Path.of("tools/offline-verify/OfflineVerify.java");

    @TempDir
    Path dir;

    @Autowired
    SignedLinks links;

    @Test
    void acceptsAGenuineLinkAndRejectsAChangedOneWithoutNetwork() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), client("alice").get()
                .uri("/.well-known/fapiaoflow-verification-key.pem").retrieve().body(String.class));
        SignedLinks.LinkedInvoice invoice = new SignedLinks.LinkedInvoice("26110000000000000042", LocalDate.of(2026, 11, 25),
                new BigDecimal("212.00"));
        String link = links.link(invoice);

        Result genuine = run(key, link);
        Result changedAmount = run(key, link.replace("212.00", "21.20"));
        Result separateArgs = run(key, invoice.payload(), links.signature(invoice));
        Result changedSignature = run(key, invoice.payload(), flipMiddleCharacter(links.signature(invoice)));

        assertThat(genuine.exit()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("VALID number=26110000000000000042 issueDate=2026-11-25 totalAmount=212.00");
        assertThat(changedAmount.exit()).isEqualTo(1);
        assertThat(changedAmount.output()).contains("INVALID");
        assertThat(separateArgs.exit()).isZero();
        assertThat(changedSignature.exit()).isEqualTo(1);
    }

    /**
     * Changes a character in the middle: the last base64url character may carry only padding bits, so changing it can
     * leave the signature's bytes as they were.
     */
    private static String flipMiddleCharacter(String signature) {
        int middle = signature.length() / 2;
        char c = signature.charAt(middle);
        return signature.substring(0, middle) + (c == 'A' ? 'B' : 'A') + signature.substring(middle + 1);
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path key, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if (networkNamespacesWork()) {
            command.addAll(List.of("unshare", "-rn"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), TOOL.toString(), key.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean networkNamespacesWork() {
        try {
            Process probe = new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception notAvailable) {
            return false;
        }
    }
}
