package dev.fapiaoflow.audit.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anchorFile}: where this node appends the signed anchors of the chain's head (append-only, outside the
 * database; default {@code <data-dir>/audit-anchors.log}); {@code anchorInterval}: how often the head is anchored
 * (also at shutdown).
 */
@ConfigurationProperties("fapiaoflow.audit")
record AuditProperties(Path anchorFile, Duration anchorInterval) {
}
