/**
 * Signing: the school's document-signing key (a configured keystore, or a self-signed certificate generated once
 * under the data folder), PAdES signatures of PDFs, signed verification links, and the public verification key at
 * a well-known URL. Other features use {@link dev.fapiaoflow.signing.PdfSignatures} and
 * {@link dev.fapiaoflow.signing.SignedLinks}; {@code internal} is off limits to them.
 */
package dev.fapiaoflow.signing;
