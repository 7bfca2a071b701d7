package app.platform.devservices;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A message the local SMTP server received, with its plain text and HTML parts (either may be {@code null}).
 *
 * @param messageId the {@code Message-ID} header
 * @param from the {@code From} addresses
 * @param to the {@code To} addresses
 * @param sentAt the {@code Date} header
 */
public record ReceivedMail(String messageId, List<String> from, List<String> to, String subject, Instant sentAt,
        String text, String html) {

    static ReceivedMail of(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collectParts(message, parts);
            return new ReceivedMail(message.getMessageID(), addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(), parts[0], parts[1]);
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a received message", e);
        }
    }

    /** The first {@code text/plain} and the first {@code text/html} part, however deeply nested. */
    private static void collectParts(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectParts(child, parts);
            }
        }
        else if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = part.getContent().toString();
        }
        else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = part.getContent().toString();
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
