package app.platform.devservices;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import app.platform.web.NotFound;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /dev/mails}: the messages the local SMTP server received, as a page, or as JSON for
 * {@code Accept: application/json}. It exists only while dev services run the local SMTP server, and answers only
 * callers on this machine: a request from another address, or one relayed by a proxy (a {@code Forwarded} or
 * {@code X-Forwarded-For} header), gets the same {@code 404} as a route that does not exist.
 */
@Hidden
@RestController
@ConditionalOnBean(DevMailServer.class)
class DevMailsController {

    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private final DevMailServer server;

    DevMailsController(DevMailServer server) {
        this.server = server;
    }

    @GetMapping("/dev/mails")
    ResponseEntity<?> mails(HttpServletRequest request) {
        if (!fromThisMachine(request)) {
            throw new NotFound("No resource at " + request.getRequestURI());
        }
        List<ReceivedMail> mails = server.received().reversed();
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mails);
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page(mails));
    }

    static boolean fromThisMachine(HttpServletRequest request) {
        if (PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(request.getRemoteAddr()).isLoopbackAddress();
        }
        catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private String page(List<ReceivedMail> mails) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Local mail</title>
                <style>body{font-family:sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%}
                td,th{border-bottom:1px solid #d0d7de;padding:.4rem;text-align:left;vertical-align:top}
                pre{white-space:pre-wrap}iframe{width:100%;height:28rem;border:1px solid #d0d7de}</style></head><body>
                """);
        html.append("<h1>Local mail</h1><p>")
                .append(mails.size()).append(" message(s) received by the local SMTP server at ")
                .append(escape(server.host() + ":" + server.port()))
                .append(", newest first. <a href=\"?\">Refresh</a></p>");
        html.append("<table><thead><tr><th>Sent</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>");
        for (ReceivedMail mail : mails) {
            html.append("<tr><td>").append(escape(String.valueOf(mail.sentAt())))
                    .append("</td><td>").append(escape(String.join(", ", mail.from())))
                    .append("</td><td>").append(escape(String.join(", ", mail.to())))
                    .append("</td><td><details><summary>").append(escape(mail.subject())).append("</summary>")
                    .append("<p><small>").append(escape(mail.messageId())).append("</small></p>");
            if (mail.text() != null) {
                html.append("<pre>").append(escape(mail.text())).append("</pre>");
            }
            if (mail.html() != null) {
                // A sandboxed frame without scripts shows the HTML part as a mail client would.
                html.append("<iframe sandbox srcdoc=\"").append(escape(mail.html())).append("\"></iframe>");
            }
            html.append("</details></td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
