package dev.fapiaoflow.shared.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;

/** Hostile upload files built in the test: XML with external entities or entity bombs, and zip bombs. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A DOCTYPE whose external parameter entity is fetched by any parser that resolves entities. */
    public static String externalEntityDoctype(String root, String url) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE " + root + " [\n  <!ENTITY % remote SYSTEM \"" + url
                + "\">\n  %remote;\n  <!ENTITY xxe SYSTEM \"" + url + "?general\">\n]>\n";
    }

    /** The classic "billion laughs": ten levels of ten references, 10^9 "lol"s when expanded. */
    public static String billionLaughsDoctype(String root) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n  <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("  <!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return dtd.append("]>\n").toString();
    }

    /** A minimal OFD package (GB/T 33190) whose OFD.xml carries the given prolog and uses {@code &xxe;} if declared. */
    public static byte[] ofd(String prolog, String docId) {
        String ofdXml = prolog + "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>" + docId + "</ofd:DocID>"
                + "<ofd:CustomDatas><ofd:CustomData Name=\"invoice\">" + docId + "</ofd:CustomData></ofd:CustomDatas>"
                + "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        String documentXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\">"
                + "<ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox>"
                + "</ofd:PageArea></ofd:CommonData><ofd:Pages/></ofd:Document>";
        return zip(Map.of("OFD.xml", ofdXml.getBytes(StandardCharsets.UTF_8),
                "Doc_0/Document.xml", documentXml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An OFD-shaped zip bomb: a valid OFD.xml, then {@code entries} entries of {@code megabytesEach} MB of zeros each.
     * Deflate packs a megabyte of zeros into about a kilobyte, so 2 MB on the wire unpack to about 2 GB.
     */
    public static byte[] ofdZipBomb(int entries, int megabytesEach) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("OFD.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\""
                    + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                    + "</ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry("Doc_0/Res/image_" + i + ".png"));
                for (int mb = 0; mb < megabytesEach; mb++) {
                    out.write(zeros);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip of tiny entries: harmless bytes, but far more files than any OFD or XLSX holds. */
    public static byte[] manyEntries(byte[] base, int extraEntries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(base))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            for (int i = 0; i < extraEntries; i++) {
                out.putNextEntry(new ZipEntry("extra/" + i + ".bin"));
                out.write(i);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Copies a zip, replacing the named entry's text. */
    public static byte[] replaceEntry(byte[] zip, String name, java.util.function.UnaryOperator<String> change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    out.write(change.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A local HTTP listener standing in for the attacker's server: counts every request that reaches it. */
    public static final class Listener implements AutoCloseable {

        private final HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();

        public Listener() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                byte[] body = "<!ENTITY leaked 'secret'>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/xxe";
        }

        public int hits() {
            return hits.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** a one-page PDF with an AcroForm whose XFA packet (and XMP metadata) is the given XML */
    public static byte[] pdfWithXfa(String xml) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.itextpdf.kernel.pdf.PdfDocument pdf = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(out))) {
            pdf.addNewPage();
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            com.itextpdf.kernel.pdf.PdfDictionary form = new com.itextpdf.kernel.pdf.PdfDictionary();
            form.put(com.itextpdf.kernel.pdf.PdfName.Fields, new com.itextpdf.kernel.pdf.PdfArray());
            form.put(com.itextpdf.kernel.pdf.PdfName.XFA, new com.itextpdf.kernel.pdf.PdfStream(bytes).makeIndirect(pdf));
            pdf.getCatalog().put(com.itextpdf.kernel.pdf.PdfName.AcroForm, form.makeIndirect(pdf));
            com.itextpdf.kernel.pdf.PdfStream xmp = new com.itextpdf.kernel.pdf.PdfStream(bytes);
            xmp.put(com.itextpdf.kernel.pdf.PdfName.Type, com.itextpdf.kernel.pdf.PdfName.Metadata);
            xmp.put(com.itextpdf.kernel.pdf.PdfName.Subtype, com.itextpdf.kernel.pdf.PdfName.XML);
            pdf.getCatalog().put(com.itextpdf.kernel.pdf.PdfName.Metadata, xmp.makeIndirect(pdf));
        }
        return out.toByteArray();
    }
}
