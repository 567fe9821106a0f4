import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a FapiaoFlow signed verification link (the second QR code of an invoice face) with the school's public key
 * and nothing else: no network, JDK only.
 *
 * <pre>
 *   java OfflineVerify.java verification-key.pem 'https://…/verify?q=26110000000000000001,2026-11-25,212.00&amp;s=MEUCIQ…'
 *   java OfflineVerify.java verification-key.pem '26110000000000000001,2026-11-25,212.00' 'MEUCIQ…'
 * </pre>
 *
 * The key is the PEM at {@code /.well-known/fapiaoflow-verification-key.pem}, fetched once beforehand. Prints
 * {@code VALID} with the invoice's number, issue date and 价税合计 and exits 0, or {@code INVALID} and exits 1;
 * exits 2 on wrong usage or an unreadable key.
 */
public class OfflineVerify {

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java OfflineVerify.java <public-key.pem> <link> | <public-key.pem> <payload> <signature>");
            System.exit(2);
        }
        PublicKey key;
        try {
            key = readKey(Path.of(args[0]));
        } catch (Exception e) {
            System.err.println("cannot read the public key " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        String payload;
        String signature;
        if (args.length == 2) {
            Map<String, String> query = query(args[1]);
            payload = query.get("q");
            signature = query.get("s");
        } else {
            payload = args[1];
            signature = args[2];
        }
        if (payload != null && signature != null && verifies(key, payload, signature)) {
            String[] fields = payload.split(",", -1);
            if (fields.length == 3) {
                System.out.println("VALID number=" + fields[0] + " issueDate=" + fields[1] + " totalAmount=" + fields[2]);
                System.exit(0);
            }
        }
        System.out.println("INVALID: the signature does not match this text and key");
        System.exit(1);
    }

    static PublicKey readKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static Map<String, String> query(String link) {
        Map<String, String> values = new HashMap<>();
        String raw;
        try {
            raw = URI.create(link.trim()).getRawQuery();
        } catch (IllegalArgumentException notALink) {
            return values;
        }
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static boolean verifies(PublicKey key, String payload, String signatureBase64Url) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getUrlDecoder().decode(signatureBase64Url));
        } catch (Exception malformed) {
            return false;
        }
    }
}
