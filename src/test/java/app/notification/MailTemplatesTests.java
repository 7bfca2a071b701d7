package app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.samskivert.mustache.Mustache;

/** Each notification type has its e-mail template: subject, plain text and HTML, with values escaped in HTML only. */
class MailTemplatesTests {

    private static final Instant CREATED = Instant.parse("2026-01-15T09:30:00Z");

    private final MailTemplates templates = new MailTemplates(Mustache.compiler().withLoader(name ->
            new InputStreamReader(Objects.requireNonNull(getClass().getResourceAsStream(
                    "/templates/" + name + ".mustache"), name), StandardCharsets.UTF_8)));

    @ParameterizedTest
    @CsvSource({
            "library.content.saved, generation-ready, Open your library",
            "ai.generation.failed, generation-failed, Try again in the studio",
            "ai.usage.limit.reached, usage-limit-reached, See your plan and usage",
            "integration.oauth.expired, integration-expired, Connect it again",
            "background.job.completed, generic, Open your inbox" })
    void rendersSubjectTextAndHtml(String type, String template, String callToAction) {
        Recipient recipient = recipient("Ada <Lovelace>");
        Notification notification = Notification.of(UUID.randomUUID(), "someone", type,
                "Title with <b>markup</b> & \"quotes\"", "Body with <script>alert(1)</script>", CREATED);

        MailTemplates.RenderedMail mail = templates.render(notification, recipient, "https://app.example.com/");

        assertThat(MailTemplates.templateFor(type)).isEqualTo(template);
        assertThat(mail.subject()).isEqualTo("Title with <b>markup</b> & \"quotes\"");
        assertThat(mail.text()).contains("Hello Ada <Lovelace>,", "Body with <script>alert(1)</script>",
                callToAction, "https://app.example.com/");
        assertThat(mail.html())
                .contains("Hello Ada &lt;Lovelace&gt;,",
                        "Title with &lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot;",
                        "Body with &lt;script&gt;alert(1)&lt;/script&gt;", callToAction,
                        "href=\"https://app.example.com/\"")
                .doesNotContain("<script>", "<b>markup");
    }

    @ParameterizedTest
    @CsvSource({ "'', there", "Grace, Grace" })
    void greetsByDisplayNameOrGenerally(String displayName, String greeting) {
        Notification notification = Notification.of(UUID.randomUUID(), "someone", "ai.generation.failed", "Title",
                "Body", CREATED);

        MailTemplates.RenderedMail mail = templates.render(notification, recipient(displayName), "http://localhost/");

        assertThat(mail.text()).startsWith("Hello " + greeting + ",");
    }

    private static Recipient recipient(String displayName) {
        Recipient recipient = Recipient.of("someone");
        recipient.setEmail("someone@example.com");
        recipient.setDisplayName(displayName);
        return recipient;
    }
}
