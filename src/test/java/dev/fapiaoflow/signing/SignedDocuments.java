package dev.fapiaoflow.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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

    /** The OFD with every entry whose name ends so rewritten (a real edit, not a broken zip). */
    public static byte[] rewriteEntries(byte[] zip, String suffix, java.util.function.UnaryOperator<String> edit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int edited = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith(suffix)) {
                    String before = new String(content, StandardCharsets.UTF_8);
                    String after = edit.apply(before);
                    if (!after.equals(before)) {
                        edited++;
                    }
                    content = after.getBytes(StandardCharsets.UTF_8);
                }
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                rewritten.write(content);
                rewritten.closeEntry();
            }
        }
        if (edited == 0) {
            throw new AssertionError("no entry ending in " + suffix + " changed");
        }
        return out.toByteArray();
    }
}
