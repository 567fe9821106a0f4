/**
 * Platform: the link to the licensed e-invoice service platform that issues the school's fully digital invoices
 * (数电票) — the port {@link dev.fapiaoflow.platform.PlatformClient} and its adapter to Nuonuo's 诺税通 SaaS open API
 * ({@code internal.NuonuoPlatformClient}, the messages field by field in {@code internal.NuonuoMessages}): signed calls,
 * access token, issue, query, the red-letter confirmation (apply, query, cancel), and the result callback (unsigned as
 * documented, so only a hint to query the platform).
 * The simulator that speaks the same API lives in test scope only.
 */
package dev.fapiaoflow.platform;
