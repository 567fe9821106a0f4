package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The worked example of Tencent Cloud's "Signature v3" documentation (CVM DescribeInstances, signed 2019-02-25 with
 * the documented example key): every intermediate value and the final Authorization header as printed there.
 */
class Tc3SignerTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String HOST = "cvm.tencentcloudapi.com";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final long TIMESTAMP = 1551113065L;
    private static final String PAYLOAD = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    @Test
    void hashesThePayloadAsDocumented() {
        assertThat(Tc3Signer.sha256Hex(PAYLOAD)).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    }

    @Test
    void buildsTheDocumentedCanonicalRequestAndStringToSign() {
        assertThat(Tc3Signer.canonicalRequest(HOST, CONTENT_TYPE, PAYLOAD)).isEqualTo("""
                POST
                /

                content-type:application/json; charset=utf-8
                host:cvm.tencentcloudapi.com

                content-type;host
                35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064""");
        assertThat(Tc3Signer.stringToSign("cvm", HOST, CONTENT_TYPE, TIMESTAMP, PAYLOAD)).isEqualTo("""
                TC3-HMAC-SHA256
                1551113065
                2019-02-25/cvm/tc3_request
                5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031""");
    }

    @Test
    void signsTheDocumentedExampleToItsPublishedAuthorizationHeader() {
        assertThat(Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "cvm", HOST, CONTENT_TYPE, TIMESTAMP, PAYLOAD))
                .isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void datesTheScopeInUtcNotInChina() {
        // 2019-02-26 00:44:25 in Beijing is still the 25th in UTC, the documentation's own warning
        assertThat(Tc3Signer.credentialScope("ocr", TIMESTAMP)).isEqualTo("2019-02-25/ocr/tc3_request");
    }

    @Test
    void anotherKeyGivesAnotherSignature() {
        assertThat(Tc3Signer.signature(SECRET_KEY + "x", "cvm", HOST, CONTENT_TYPE, TIMESTAMP, PAYLOAD))
                .isNotEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }
}
