package dev.fapiaoflow.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The received mail about one invoice number, and the decoded text of its parts. */
public final class MailTexts {

    private MailTexts() {
    }

    /** the first received mail whose subject names the invoice number */
    public static MimeMessage about(String invoiceNumber) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
                if (message.getSubject() != null && message.getSubject().contains(invoiceNumber)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail about invoice " + invoiceNumber);
    }

    /** every text part (plain and HTML), decoded */
    public static String text(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        collect(part, texts);
        return String.join("\n", texts);
    }

    private static void collect(Part part, List<String> texts) throws Exception {
        if (part.isMimeType("text/*")) {
            texts.add(String.valueOf(part.getContent()));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), texts);
            }
        }
    }
}
