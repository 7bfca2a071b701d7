package app.notification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Renders a notification's e-mail from the Mustache templates under {@code templates/mail/<template>/}: a subject,
 * a plain text part and an HTML part. The HTML part escapes every value, so text that users wrote (a content title)
 * arrives as text, never as markup.
 */
@Component
class MailTemplates {

    /** The template for each notification type; any other type uses {@code generic}. */
    private static final Map<String, String> TEMPLATES = Map.of(
            "library.content.saved", "generation-ready",
            "user.account.created", "welcome",
            "user.onboarding.retried", "welcome",
            "ai.generation.failed", "generation-failed",
            "ai.usage.limit.reached", "usage-limit-reached",
            "integration.oauth.expired", "integration-expired");

    private final Mustache.Compiler html;
    private final Mustache.Compiler text;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MailTemplates(Mustache.Compiler compiler) {
        this.html = compiler.escapeHTML(true);
        this.text = compiler.escapeHTML(false);
    }

    /** An e-mail ready to send. */
    record RenderedMail(String subject, String text, String html) {
    }

    static String templateFor(String notificationType) {
        return TEMPLATES.getOrDefault(notificationType, "generic");
    }

    RenderedMail render(Notification notification, Recipient recipient, String appUrl) {
        String folder = "mail/" + templateFor(notification.getType()) + "/";
        Map<String, Object> model = Map.of(
                "name", recipient.getDisplayName() == null || recipient.getDisplayName().isBlank() ? "there"
                        : recipient.getDisplayName(),
                "title", notification.getTitle(),
                "body", notification.getBody(),
                "appUrl", appUrl);
        // A subject is one line, whatever the values hold.
        String subject = template(text, folder + "subject").execute(model).strip().replaceAll("\\s+", " ");
        return new RenderedMail(subject, template(text, folder + "text").execute(model),
                template(html, folder + "html").execute(model));
    }

    private Template template(Mustache.Compiler compiler, String name) {
        return compiled.computeIfAbsent((compiler == html ? "html:" : "text:") + name,
                key -> compiler.loadTemplate(name));
    }
}
