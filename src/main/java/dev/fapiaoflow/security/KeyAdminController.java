package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** Administrators rotate the data-encryption key and move existing data under it (README "Key rotation"). */
@RestController
@RequestMapping("/api/admin/encryption-keys")
@PreAuthorize("hasAuthority('" + Groups.ADMIN + "')")
class KeyAdminController {

    private final KeyRotation rotation;
    private final ReEncryption reEncryption;

    KeyAdminController(KeyRotation rotation, ReEncryption reEncryption) {
        this.rotation = rotation;
        this.reEncryption = reEncryption;
    }

    @GetMapping
    KeyRotation.KeysetState state() {
        return rotation.state();
    }

    @PostMapping("/rotate")
    KeyRotation.KeysetState rotate() {
        return rotation.rotate();
    }

    @PostMapping("/re-encrypt")
    ReEncryption.Report reEncrypt(@RequestParam(defaultValue = "200") int batchSize) {
        if (batchSize < 1 || batchSize > 5000) {
            throw new InvalidInputException(List.of(new FieldError("batchSize", "1–5000")));
        }
        return reEncryption.run(batchSize);
    }
}
