package dev.fapiaoflow.signing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/** Test helpers around real tools: Poppler's pdfsig and pdftoppm, and ZXing to read the QR codes of a page. */
public final class SignedDocuments {

    private SignedDocuments() {
    }

    /** pdfsig's report of the file (exit code and output together). */
    public static String pdfsig(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdfsig", pdf.toString()));
    }

    /** The texts of all QR codes on the first page, rendered at 200 dpi. */
    public static List<String> qrCodesOnFirstPage(Path pdf, Path workDir) throws IOException, InterruptedException, NotFoundException {
        Path prefix = workDir.resolve("page");
        run(List.of("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), prefix.toString()));
        BufferedImage image = ImageIO.read(workDir.resolve("page.png").toFile());
        Result[] results = new QRCodeMultiReader().decodeMultiple(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true,
                        DecodeHintType.CHARACTER_SET, "UTF-8"));
        List<String> texts = new ArrayList<>();
        for (Result result : results) {
            texts.add(result.getText());
        }
        return texts;
    }

    public static byte[] flipOneByte(byte[] content, int index) {
        byte[] changed = content.clone();
        changed[index] ^= 0x01;
        return changed;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
        }
        return "exit " + process.exitValue() + "\n" + output;
    }

    public static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
