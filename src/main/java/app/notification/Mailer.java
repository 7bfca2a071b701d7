package app.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.samskivert.mustache.MustacheException;

/**
 * Sends a notification's e-mail over SMTP (Spring Mail; Amazon SES's SMTP interface in AWS). Every attempt for one
 * notification carries the same {@code Message-ID}, derived from the notification's id, so a message sent twice (an
 * attempt whose outcome could not be recorded) is recognisably one message to the receiving side.
 */
@Component
class Mailer {

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final NotificationSettings settings;
    private final InternetAddress from;

    Mailer(ObjectProvider<JavaMailSender> sender, MailTemplates templates, NotificationSettings settings) {
        this.sender = sender.getIfAvailable();
        this.templates = templates;
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.mailFrom(), true);
        }
        catch (AddressException e) {
            throw new IllegalStateException("app.notification.mail-from is not an e-mail address: "
                    + settings.mailFrom(), e);
        }
    }

    /** Whether a mail server is configured ({@code spring.mail.host}, or the local one of dev services). */
    boolean isAvailable() {
        return sender != null;
    }

    /** The {@code Message-ID} of a notification's e-mail, the same on every attempt. */
    String messageIdOf(Notification notification) {
        String address = from.getAddress();
        return "<notification-" + notification.getId() + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    /**
     * Sends the e-mail, or throws: {@link MailPreparationException} when the message cannot be built (no retry can
     * help), another {@link MailException} when the server could not be reached or refused it.
     */
    void send(Notification notification, Recipient recipient) {
        MailTemplates.RenderedMail mail;
        try {
            mail = templates.render(notification, recipient, settings.appUrl());
        }
        catch (MustacheException e) {
            throw new MailPreparationException("Cannot render the e-mail of notification " + notification.getId(), e);
        }
        MimeMessage message = new StableIdMessage(session(), messageIdOf(notification));
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            InternetAddress to = new InternetAddress(recipient.getEmail(), recipient.getDisplayName(),
                    StandardCharsets.UTF_8.name());
            to.validate();
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // RFC 3834: an automatic message, so auto-responders do not answer it.
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Cannot build the e-mail of notification " + notification.getId(), e);
        }
        sender.send(message);
    }

    private Session session() {
        return sender instanceof JavaMailSenderImpl configured ? configured.getSession()
                : Session.getInstance(new Properties());
    }

    /** A message whose {@code Message-ID} is given rather than generated when it is saved. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
