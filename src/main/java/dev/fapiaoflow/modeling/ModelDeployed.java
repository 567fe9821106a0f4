package dev.fapiaoflow.modeling;

import java.time.Instant;
import java.util.List;

/**
 * Published after a process owner's deployment commits (new version, rollback or Flowable import), for the audit.
 *
 * @param action {@code DEPLOY}, {@code ROLLBACK} or {@code IMPORT}
 * @param definitions the keys and versions the deployment created, e.g. {@code four-eyes:3}
 */
public record ModelDeployed(String deploymentId, String resourceName, ModelKind kind, String action, List<String> definitions,
        String author, String comment, Instant deployedAt) {
}
