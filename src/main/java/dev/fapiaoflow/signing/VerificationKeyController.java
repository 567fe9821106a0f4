package dev.fapiaoflow.signing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the signing key, for offline checks; anyone may fetch it. */
@RestController
class VerificationKeyController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final SigningKey key;

    VerificationKeyController(SigningKey key) {
        this.key = key;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/.well-known/fapiaoflow-verification-key.pem")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(PEM).body(key.publicKeyPem());
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/.well-known/fapiaoflow-signing-certificate.pem")
    ResponseEntity<String> certificate() {
        return ResponseEntity.ok().contentType(PEM).body(key.certificatePem());
    }
}
