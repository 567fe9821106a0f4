/**
 * Webhooks out (API.md "Webhooks"): admins register endpoints for events; domain events of issuance, request and
 * dispute become signed deliveries in a durable outbox, sent and retried with backoff; failed ones can be resent.
 */
package dev.fapiaoflow.webhook;
