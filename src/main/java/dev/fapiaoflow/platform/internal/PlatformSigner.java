package dev.fapiaoflow.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's signature: Base64 of HmacSHA1 with the app secret over a canonical string. Calls sign
 * {@code a=services&l=v1&p=open&k=<appKey>&i=<senid>&n=<nonce>&t=<timestamp>&f=<body>}. (The result callback is
 * not signed: see PlatformCallbackController.)
 */
public final class PlatformSigner {

    private PlatformSigner() {
    }

    public static String callCanonical(String appKey, String senid, String nonce, String timestamp, String body) {
        return "a=services&l=v1&p=open&k=" + appKey + "&i=" + senid + "&n=" + nonce + "&t=" + timestamp + "&f=" + body;
    }

    public static String sign(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA1", e);
        }
    }

    /** constant-time comparison, so a forger learns nothing from response times */
    public static boolean matches(String secret, String canonical, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, canonical).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
