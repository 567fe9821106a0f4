package dev.fapiaoflow.verification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256, for a JSON POST to {@code /} as Tencent's "Signature v3"
 * documents it: the canonical request (method, URI, empty query, the {@code content-type} and {@code host} headers,
 * the body's SHA-256), the string to sign with the credential scope {@code <UTC date>/<service>/tc3_request}, the key
 * derived by HMAC chaining from {@code "TC3" + secretKey}, and the {@code Authorization} header.
 */
public final class Tc3Signer {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    public static final String SIGNED_HEADERS = "content-type;host";
    private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signer() {
    }

    /** The {@code Authorization} header for a POST of {@code payload} with this content type to {@code host}. */
    public static String authorization(String secretId, String secretKey, String service, String host, String contentType,
            long timestamp, String payload) {
        String scope = credentialScope(service, timestamp);
        return ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature="
                + signature(secretKey, service, host, contentType, timestamp, payload);
    }

    public static String signature(String secretKey, String service, String host, String contentType, long timestamp,
            String payload) {
        String date = UTC_DATE.format(Instant.ofEpochSecond(timestamp));
        byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return HexFormat.of().formatHex(hmac(secretSigning, stringToSign(service, host, contentType, timestamp, payload)));
    }

    static String stringToSign(String service, String host, String contentType, long timestamp, String payload) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope(service, timestamp) + "\n"
                + sha256Hex(canonicalRequest(host, contentType, payload));
    }

    static String canonicalRequest(String host, String contentType, String payload) {
        return "POST\n/\n\n" + "content-type:" + contentType.strip().toLowerCase() + "\nhost:" + host.strip().toLowerCase() + "\n\n"
                + SIGNED_HEADERS + "\n" + sha256Hex(payload);
    }

    public static String credentialScope(String service, long timestamp) {
        return UTC_DATE.format(Instant.ofEpochSecond(timestamp)) + "/" + service + "/tc3_request";
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
