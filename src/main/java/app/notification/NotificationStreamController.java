package app.notification;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import app.platform.push.PushStreams;
import app.platform.push.StreamTickets;
import app.platform.security.CurrentUser;
import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * The caller's notifications as server-sent events, as they are stored: one event per notification, named by its
 * type, with the inbox item as JSON data. Scripts and apps send their access token; a browser's {@code EventSource},
 * which cannot send headers, first exchanges the token for a single-use ticket.
 */
@RestController
class NotificationStreamController {

    static final String STREAM = "/api/v1/notifications/stream";

    private final PushStreams streams;
    private final StreamTickets tickets;

    NotificationStreamController(PushStreams streams, StreamTickets tickets) {
        this.streams = streams;
        this.tickets = tickets;
    }

    @Operation(summary = "Stream my notifications (server-sent events)", description = """
            Each stored notification arrives as an event named by its type (library.content.saved, \
            ai.generation.failed, ai.usage.limit.reached, ...) whose data is the inbox item as JSON. Every event has \
            an id; reconnecting with Last-Event-ID replays what followed it from a bounded history, or sends an event \
            named reset (reload the inbox) when that id is no longer kept. Comment lines keep idle connections open. \
            Authenticate with the bearer token or, from a browser's EventSource, with a ticket.""",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The stream; it does not end by itself",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid access token or ticket (a ticket works "
            + "once)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(path = STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @Parameter(description = "A ticket from POST " + STREAM + "/tickets, instead of the bearer token")
            @RequestParam(required = false) String ticket,
            @Parameter(description = "The id of the last event received, to resume after it")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        String user = CurrentUser.fromAccessToken().map(CurrentUser::id)
                .or(() -> ticket == null ? Optional.empty() : tickets.redeem(ticket))
                .orElseThrow(NotAuthenticated::new);
        return streams.open(user, lastEventId);
    }

    @Operation(summary = "Get a ticket to open my notification stream without the Authorization header", description =
            "The ticket works once, within a minute: new EventSource('" + STREAM + "?ticket=' + ticket).")
    @PostMapping(path = STREAM + "/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
    StreamTickets.Ticket ticket(CurrentUser caller) {
        return tickets.issue(caller.id());
    }

    /** Neither a valid access token nor an unused ticket: the detail does not say which. */
    static class NotAuthenticated extends ProblemException {

        NotAuthenticated() {
            super(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", "This stream needs a valid "
                    + "access token ('Authorization: Bearer <token>') or an unused ticket ('?ticket=').");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }
}
