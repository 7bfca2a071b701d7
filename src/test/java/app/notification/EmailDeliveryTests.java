package app.notification;

import static app.platform.operations.HttpClientSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.PlatformIntegrationTest;
import app.platform.devservices.DevMailServer;
import app.platform.devservices.ReceivedMail;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import app.users.UserAccountCreated;
import tools.jackson.databind.JsonNode;

/**
 * Notifications are e-mailed over real SMTP (the local server of dev services): stored before sent, retried with
 * backoff while the mail server is down, failed visibly after the last attempt, and sent once per notification.
 */
@PlatformIntegrationTest
class EmailDeliveryTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Every new account also gets a welcome e-mail (its onboarding); these tests look at the others. */
    private static final String WELCOME = "Welcome to Content Platform";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    DevMailServer mailServer;

    @Autowired
    Inbox inbox;

    @Autowired
    Notifications notifications;

    @Autowired
    Recipients recipients;

    @Autowired
    EmailDelivery email;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionOperations transactions;

    @Test
    void readyContentIsEmailedWithTheUsersTitleEscapedInTheHtmlPart() {
        TestUser user = knownRecipient();

        generate(user, "<script>alert('owned')</script> launch plan");

        ReceivedMail mail = await().atMost(PATIENCE).until(() -> mailsTo(user), mails -> !mails.isEmpty()).getFirst();
        assertThat(mail.subject()).isEqualTo("Your blog post is ready");
        assertThat(mail.to()).containsExactly("Test User <" + user.email() + ">");
        assertThat(mail.from()).containsExactly("Content Platform <notifications@localhost>");
        assertThat(mail.html())
                .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; launch plan")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("Hello Test User,", "<script>alert('owned')</script> launch plan");
        JsonNode notification = inboxOf(user).path(0);
        assertThat(mail.messageId()).isEqualTo("<notification-" + notification.path("id").asString() + "@localhost>");
        assertThat(notification.path("email").path("status").asString()).isEqualTo("SENT");
        assertThat(notification.path("email").path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedGenerationIsEmailedWithTheReason() {
        TestUser user = knownRecipient();

        generate(user, "please fail");

        ReceivedMail mail = await().atMost(PATIENCE).until(() -> mailsTo(user), mails -> !mails.isEmpty()).getFirst();
        assertThat(mail.subject()).isEqualTo("Your blog could not be generated");
        assertThat(mail.text()).contains("the model is unavailable", "did not count against your quota");
        assertThat(mail.html()).contains("the model is unavailable");
    }

    @Test
    void theEmailGreetsTheUserByTheNameOfTheirCurrentProfile() {
        TestUser user = knownRecipient();
        send("PATCH", base() + "/api/v1/users/me", "{\"displayName\":\"Ada Lovelace\"}", user.bearer());
        await().atMost(PATIENCE).until(() -> recipients.of(user.id()).map(Recipient::getDisplayName).orElse(""),
                "Ada Lovelace"::equals);

        notify(user.id(), UUID.randomUUID());

        ReceivedMail mail = await().atMost(PATIENCE).until(() -> mailsTo(user), mails -> !mails.isEmpty()).getFirst();
        assertThat(mail.to()).containsExactly("Ada Lovelace <" + user.email() + ">");
        assertThat(mail.text()).startsWith("Hello Ada Lovelace,");
    }

    @Test
    void aNotificationWhoseInstanceStoppedBeforeSendingIsSentByTheSweep() {
        TestUser user = knownRecipient();
        Notification leftBehind = Notification.of(UUID.randomUUID(), user.id(), "background.job.completed",
                "Left behind", "Details follow.", clock.instant());
        email.prepare(leftBehind);
        notifications.create(leftBehind);

        Notification sent = await().atMost(PATIENCE).until(() -> stored(user.id(), leftBehind.getId()),
                notification -> "SENT".equals(notification.getEmailStatus()));

        assertThat(sent.getEmailAttempts()).isEqualTo(1);
        assertThat(mailsTo(user)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Left behind"));
    }

    @Test
    void whileTheMailServerIsDownTheEmailIsRetriedAndItArrivesOnceTheServerIsBack() {
        TestUser user = knownRecipient();
        String id;
        mailServer.stop();
        try {
            id = notify(user.id(), UUID.randomUUID());

            Notification retried = await().atMost(PATIENCE).until(() -> stored(user.id(), id),
                    notification -> notification.getEmailAttempts() >= 2);
            assertThat(retried.getEmailStatus()).isEqualTo("PENDING");
            assertThat(retried.getEmailLastError()).contains("Connection refused");
            assertThat(retried.getEmailShard()).as("a pending e-mail is in the index of due e-mails").isNotNull();
        }
        finally {
            mailServer.start();
        }

        Notification sent = await().atMost(PATIENCE).until(() -> stored(user.id(), id),
                notification -> "SENT".equals(notification.getEmailStatus()));
        assertThat(sent.getEmailAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(sent.getEmailShard()).as("a sent e-mail leaves the index of due e-mails").isNull();
        assertThat(mailsTo(user)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Something happened");
            assertThat(mail.messageId()).isEqualTo("<notification-" + id + "@localhost>");
        });
    }

    @Test
    void afterTheLastAttemptTheEmailIsFailedAndTheInboxShowsIt() {
        TestUser user = knownRecipient();
        mailServer.stop();
        try {
            String id = notify(user.id(), UUID.randomUUID());

            Notification failed = await().atMost(PATIENCE).until(() -> stored(user.id(), id),
                    notification -> !"PENDING".equals(notification.getEmailStatus()));

            assertThat(failed.getEmailStatus()).isEqualTo("FAILED");
            assertThat(failed.getEmailAttempts()).isEqualTo(6);
            assertThat(failed.getEmailLastError()).contains("Connection refused");
            JsonNode item = inboxOf(user).path(0);
            assertThat(item.path("id").asString()).isEqualTo(id);
            assertThat(item.path("email").path("status").asString()).isEqualTo("FAILED");
            assertThat(item.path("email").path("attempts").asInt()).isEqualTo(6);
        }
        finally {
            mailServer.start();
        }
    }

    @Test
    void aRedeliveredEventSendsOneEmail() {
        TestUser user = knownRecipient();
        UUID event = UUID.randomUUID();

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> notify(user.id(), event));
        CompletableFuture<String> concurrentRedelivery = CompletableFuture.supplyAsync(() -> notify(user.id(), event));
        String id = first.join();
        concurrentRedelivery.join();
        await().atMost(PATIENCE).until(() -> stored(user.id(), id).getEmailStatus(), "SENT"::equals);
        notify(user.id(), event);

        assertThat(mailsTo(user)).singleElement()
                .satisfies(mail -> assertThat(mail.messageId()).isEqualTo("<notification-" + id + "@localhost>"));
        assertThat(stored(user.id(), id).getEmailAttempts()).isEqualTo(1);
    }

    @Test
    void anAddressThatArrivesAfterTheNotificationStillGetsTheEmail() {
        String newcomer = "user-" + UUID.randomUUID();
        String id = notify(newcomer, UUID.randomUUID());
        assertThat(stored(newcomer, id).getEmailLastError()).isEqualTo("no e-mail address is known for the user yet");

        transactions.executeWithoutResult(status -> events.publishEvent(new UserAccountCreated(UUID.randomUUID(),
                newcomer, newcomer + "@example.com", "Newcomer", "free")));

        await().atMost(PATIENCE).until(() -> stored(newcomer, id).getEmailStatus(), "SENT"::equals);
        assertThat(mailServer.received()).filteredOn(mail -> mail.to().toString().contains(newcomer))
                .filteredOn(mail -> mail.messageId().contains(id)).hasSize(1);
    }

    @Test
    void aUserWhoseAddressNeverArrivesIsSkippedWithTheReasonAfterTheAttempts() {
        String stranger = "user-" + UUID.randomUUID();

        String id = notify(stranger, UUID.randomUUID());

        Notification skipped = await().atMost(PATIENCE).until(() -> stored(stranger, id),
                notification -> notification.getEmailStatus().equals("SKIPPED"));
        assertThat(skipped.getEmailLastError()).isEqualTo("no e-mail address is known for the user");
        assertThat(skipped.getEmailAttempts()).isEqualTo(6);
        assertThat(skipped.getEmailShard()).isNull();
    }

    /**
     * Signs a user up and waits until the notification module knows where the user's e-mail goes and the welcome
     * notice is in the inbox, so the newest notice is the test's.
     */
    private TestUser knownRecipient() {
        TestUser user = TestUsers.signUpAndAwaitWelcome(base());
        await().atMost(PATIENCE).until(() -> recipients.of(user.id()).filter(Recipient::hasAddress).isPresent());
        return user;
    }

    /** Stores a notification as a listener does, its first e-mail attempt included; returns its id. */
    private String notify(String owner, UUID causeEventId) {
        inbox.deliver(causeEventId, owner, "background.job.completed", "Something happened", "Details follow.");
        return Notification.idFor(causeEventId);
    }

    private Notification stored(String owner, String id) {
        return notifications.find(Notification.key(owner, id)).orElseThrow();
    }

    private List<ReceivedMail> mailsTo(TestUser user) {
        return mailServer.received().stream()
                .filter(mail -> !mail.subject().equals(WELCOME))
                .filter(mail -> mail.to().stream().anyMatch(to -> to.contains(user.email())))
                .toList();
    }

    private void generate(TestUser user, String topic) {
        send("POST", base() + "/api/v1/studio/content/blog",
                "{\"topic\":\"%s\",\"keywords\":[],\"length\":\"short\"}".formatted(topic), user.bearer());
    }

    private JsonNode inboxOf(TestUser user) {
        return send("GET", base() + "/api/v1/notifications", null, user.bearer()).body().path("items");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
