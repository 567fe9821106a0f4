package dev.fapiaoflow.verification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to submitting a received invoice: the provider's {@code check}; for a MATCH the ledger {@code entry},
 * with {@code duplicate} true when the invoice was in the ledger already (then nothing but its submission count
 * changes). {@code registered} is false when the check did not confirm the invoice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingRegistration(boolean registered, boolean duplicate, IncomingInvoice entry, ForeignCheckAnswer check) {
}
