package dev.fapiaoflow.delivery;

record ComposedMail(String recipient, String subject, String text, String html) {
}
