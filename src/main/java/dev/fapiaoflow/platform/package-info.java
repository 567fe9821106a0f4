/**
 * Platform: the link to a third-party e-invoice service platform (诺诺-style open API) — signed calls, access token,
 * issue/query/red-flush/void, and the signed asynchronous callback. Issuance uses {@link dev.fapiaoflow.platform.PlatformClient};
 * the in-repo simulator ({@code internal.PlatformSimulator}) speaks the same API for tests and local trials.
 */
package dev.fapiaoflow.platform;
