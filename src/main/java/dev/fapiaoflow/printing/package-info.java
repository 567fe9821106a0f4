/**
 * The typefaces invoices are printed in (PDF and OFD alike) and the one question other features ask of them: can
 * every character of this text be drawn? Depends on no other feature, so input validation anywhere may ask it.
 */
package dev.fapiaoflow.printing;
