package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.verification.ForeignInvoiceFiles;

class InvoiceQrReaderTest {

    private final InvoiceQrReader reader = new InvoiceQrReader(UploadLimits.defaults());

    @Test
    void parsesA数电Code() {
        assertThat(InvoiceQrCode.parse("01,32,,25110000000000004711,1060.00,20261103,,8A3F")).hasValueSatisfying(qr -> {
            assertThat(qr.kind()).isEqualTo("32");
            assertThat(qr.code()).isNull();
            assertThat(qr.number()).isEqualTo("25110000000000004711");
            assertThat(qr.amount()).isEqualByComparingTo("1060.00");
            assertThat(qr.issueDate()).isEqualTo(LocalDate.of(2026, 11, 3));
            assertThat(qr.checkCode()).isNull();
            assertThat(qr.digital()).isTrue();
        });
    }

    @Test
    void parsesAnOldOrdinaryCodeWithItsCheckCode() {
        assertThat(InvoiceQrCode.parse("01,10,011002100111,12345678,100.00,20261008,12345678901234567890,ABCD"))
                .hasValue(new InvoiceQrCode("10", "011002100111", "12345678", new BigDecimal("100.00"), LocalDate.of(2026, 10, 8),
                        "12345678901234567890"));
    }

    @Test
    void ignoresTextThatIsNoInvoiceCode() {
        assertThat(InvoiceQrCode.parse("https://example.com/verify?x=1")).isEmpty();
        assertThat(InvoiceQrCode.parse("02,32,,25110000000000004711,1060.00,20261103,,8A3F")).isEmpty();
        assertThat(InvoiceQrCode.parse("01,32,,2511000000,1060.00,20261103,,8A3F")).isEmpty();
        assertThat(InvoiceQrCode.parse("01,32,,25110000000000004711,1e3,20261103,,8A3F")).isEmpty();
        assertThat(InvoiceQrCode.parse("01,32,,25110000000000004711,1060.00,20261332,,8A3F")).isEmpty();
        assertThat(InvoiceQrCode.parse(null)).isEmpty();
    }

    @Test
    void readsTheCodeFromAPdfMadeByOtherSoftware() {
        byte[] pdf = ForeignInvoiceFiles.pdfWithQrCode(ForeignInvoiceFiles.qrText("32", null, "25110000000000004711", "1060.00", "20261103", null));

        assertThat(reader.read("PDF", pdf)).hasValueSatisfying(qr -> assertThat(qr.number()).isEqualTo("25110000000000004711"));
    }

    @Test
    void readsTheCodeFromTheImageResourceOfAnOfd() {
        byte[] ofd = ForeignInvoiceFiles.ofdWithQrCode(ForeignInvoiceFiles.qrText("10", "011002100111", "12345678", "100.00", "20261008",
                "12345678901234567890"));

        assertThat(reader.read("OFD", ofd)).hasValueSatisfying(qr -> assertThat(qr.checkCode()).isEqualTo("12345678901234567890"));
    }

    @Test
    void readsTheOriginalInvoiceXmlOfAnOfdWithoutACodeImage() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019">
                  <fp:InvoiceCode>011002100111</fp:InvoiceCode><fp:InvoiceNo>12345678</fp:InvoiceNo>
                  <fp:IssueDate>2026年10月08日</fp:IssueDate><fp:InvoiceCheckCode>12345 67890 12345 67890</fp:InvoiceCheckCode>
                  <fp:TaxExclusiveTotalAmount>100.00</fp:TaxExclusiveTotalAmount><fp:TaxInclusiveTotalAmount>106.00</fp:TaxInclusiveTotalAmount>
                </eInvoice>""";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("OFD.xml"));
            zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("Doc_0/Attachs/original_invoice.xml"));
            zip.write(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(reader.read("OFD", out.toByteArray())).hasValue(new InvoiceQrCode("10", "011002100111", "12345678",
                new BigDecimal("100.00"), LocalDate.of(2026, 10, 8), "12345678901234567890"));
    }

    @Test
    void aPdfWithoutCodeOrADamagedFileHasNone() {
        assertThat(reader.read("PDF", ForeignInvoiceFiles.pdfWithQrCode("hello, not an invoice"))).isEmpty();
        assertThat(reader.read("PDF", "%PDF-1.7 broken".getBytes())).isEmpty();
        assertThat(reader.read("OFD", "PK\u0003\u0004 broken".getBytes())).isEmpty();
    }
}
