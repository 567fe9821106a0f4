package dev.fapiaoflow.verification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fapiaoflow.security.SealedColumn;

/**
 * The columns this feature seals by plain JDBC, for the key rotation's re-encryption run: a foreign check's answer and
 * the provider's raw answer (buyer names, tax IDs, addresses, bank accounts) and an incoming invoice's check code.
 * The ledger's seller name and tax ID stay in the clear: a supplier's name and tax ID are printed on every invoice it
 * issues and are what finance searches by; the buyer (the school) is not kept in the ledger at all.
 */
@Configuration
class VerificationSealedColumns {

    @Bean
    SealedColumn foreignCheckAnswer() {
        return new SealedColumn("foreign_check", "answer_sealed", "id");
    }

    @Bean
    SealedColumn foreignCheckRawAnswer() {
        return new SealedColumn("foreign_check", "raw_sealed", "id");
    }

    @Bean
    SealedColumn incomingInvoiceCheckCode() {
        return new SealedColumn("incoming_invoice", "check_code_sealed", "id");
    }
}
