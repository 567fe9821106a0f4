package dev.fapiaoflow.delivery;

/** What an outbox mail is: the invoice mail of a request (with its PDFs), or a plain notice about it. */
enum MailKind {
    INVOICE, NOTICE
}
