package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ResultCsvTest {

    @Test
    void resultFileStartsWithABomAndEscapesFormulasInEveryEchoedCell() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResultCsv csv = new ResultCsv(out)) {
            csv.write(new BatchRowStore.StoredRow(new UploadedRow(2, "26110000000000000123", "2026-11-03", "1999.00"),
                    new BatchRowResult(2, "MATCH", "NORMAL", null)));
            csv.write(new BatchRowStore.StoredRow(new UploadedRow(3, "=cmd|' /C calc'!A0", "@now", "-1+1"),
                    new BatchRowResult(3, BatchRowResult.ERROR, null, "发票号码应为 20 位数字")));
            csv.write(new BatchRowStore.StoredRow(new UploadedRow(4, "26110000000000000124", "2026-11-03", "1.00"), null));
        }
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n")).containsExactly(
                "line,number,issueDate,totalAmount,result,status,message",
                "2,26110000000000000123,2026-11-03,1999.00,MATCH,NORMAL,",
                "3,'=cmd|' /C calc'!A0,'@now,'-1+1,ERROR,,发票号码应为 20 位数字",
                "4,26110000000000000124,2026-11-03,1.00,PENDING,,");
    }
}
