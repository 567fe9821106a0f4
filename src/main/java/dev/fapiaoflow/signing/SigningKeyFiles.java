package dev.fapiaoflow.signing;

import java.nio.file.Path;

import dev.fapiaoflow.signing.internal.SigningKeyLoader;
import dev.fapiaoflow.signing.internal.SigningProperties;
import dev.fapiaoflow.signing.internal.Sm2KeyLoader;

/**
 * The PDF signing keystore (self-signed EC P-256, its password in the file beside it) and the SM2 key for OFDs as
 * files, made by the same code as a node's first start ({@code keys init}); a file that exists is kept.
 */
public final class SigningKeyFiles {

    public static final String KEYSTORE = "signing-keystore.p12";
    public static final String OFD_KEY = "ofd-signing-sm2.pem";

    private SigningKeyFiles() {
    }

    public static void init(Path folder) {
        SigningProperties properties = new SigningProperties(null, null, null, folder.resolve(KEYSTORE), null, null,
                folder.resolve(OFD_KEY));
        SigningKeyLoader.load(properties);
        Sm2KeyLoader.load(properties);
    }
}
