package app.platform.devservices;

import static app.platform.operations.HttpClientSupport.send;
import static app.platform.operations.HttpClientSupport.sendFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.web.MockHttpServletRequest;

import app.platform.PlatformIntegrationTest;
import app.platform.operations.HttpClientSupport.JsonResponse;
import tools.jackson.databind.JsonNode;

/**
 * With no mail server configured, mail goes over SMTP to the local server of dev services, and {@code /dev/mails}
 * lists what it received, to callers on this machine only.
 */
@PlatformIntegrationTest
class DevMailPageTests {

    @LocalServerPort
    int port;

    @Autowired
    JavaMailSender mail;

    @Test
    void theApplicationsMailGoesToTheLocalServerWhichThePageLists() {
        String subject = "Hello <b>" + UUID.randomUUID() + "</b>";
        sendMail(subject);

        JsonResponse json = send("GET", base() + "/dev/mails", null, "Accept", "application/json");
        assertThat(json.status()).isEqualTo(200);
        JsonNode listed = find(json.body(), subject);
        assertThat(listed.path("to").path(0).asString()).isEqualTo("someone@example.com");
        assertThat(listed.path("from").path(0).asString()).isEqualTo("sender@example.com");
        assertThat(listed.path("text").asString()).contains("Plain words.");

        JsonResponse page = send("GET", base() + "/dev/mails", null, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asString()).contains(subject.replace("<", "&lt;").replace(">", "&gt;"))
                .doesNotContain(subject);
    }

    @Test
    void everyLoopbackAddressIsThisMachine() {
        assertThat(sendFrom("127.0.0.9", "GET", base() + "/dev/mails", null, "Accept", "application/json").status())
                .isEqualTo(200);
    }

    @Test
    void aRequestRelayedByAProxyIsRefusedAsIfThePageDidNotExist() {
        JsonResponse relayed = send("GET", base() + "/dev/mails", null, "X-Forwarded-For", "203.0.113.7");
        JsonResponse forwarded = send("GET", base() + "/dev/mails", null, "Forwarded", "for=203.0.113.7");

        assertThat(relayed.status()).isEqualTo(404);
        assertThat(forwarded.status()).isEqualTo(404);
        assertThat(relayed.body().path("type").asString()).isEqualTo("urn:problem-type:not-found");
    }

    @Test
    void aCallerFromAnotherMachineIsRefused() {
        assertThat(DevMailsController.fromThisMachine(from("192.0.2.10"))).isFalse();
        assertThat(DevMailsController.fromThisMachine(from("2001:db8::1"))).isFalse();
        assertThat(DevMailsController.fromThisMachine(from("127.0.0.1"))).isTrue();
        assertThat(DevMailsController.fromThisMachine(from("0:0:0:0:0:0:0:1"))).isTrue();
    }

    @Test
    void thePageIsNotPartOfTheApi() {
        JsonNode paths = send("GET", base() + "/v3/api-docs").body().path("paths");

        assertThat(paths.has("/dev/mails")).isFalse();
        assertThat(paths.has("/api/v1/notifications")).isTrue();
    }

    private void sendMail(String subject) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("sender@example.com");
        message.setTo("someone@example.com");
        message.setSubject(subject);
        message.setText("Plain words.");
        mail.send(message);
    }

    private static JsonNode find(JsonNode mails, String subject) {
        for (JsonNode mail : mails) {
            if (subject.equals(mail.path("subject").asString())) {
                return mail;
            }
        }
        throw new AssertionError("No mail with subject " + subject + " in " + mails);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/mails");
        request.setRemoteAddr(address);
        return request;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
