package dev.fapiaoflow.audit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code anchorFile}: where this node appends the signed anchors of the chain's head (append-only, outside the
 * database; default {@code <data-dir>/audit-anchors.log}). How often it anchors is
 * {@code fapiaoflow.audit.anchor-interval}, read by {@link AuditAnchoring}'s schedule.
 */
@ConfigurationProperties("fapiaoflow.audit")
record AuditProperties(Path anchorFile) {
}
