package app.platform.push;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream on this instance. Until its replay is sent it holds the live events that arrive meanwhile, then
 * sends those the replay did not cover; an event is never sent twice or out of order.
 */
final class Subscriber {

    private final String user;
    private final SseEmitter emitter;
    private final Consumer<Subscriber> onBroken;
    private List<StreamEvent> held = new ArrayList<>();
    private StreamId lastSent;
    private boolean broken;

    Subscriber(String user, SseEmitter emitter, Consumer<Subscriber> onBroken) {
        this.user = user;
        this.emitter = emitter;
        this.onBroken = onBroken;
    }

    String user() {
        return user;
    }

    synchronized void deliver(StreamEvent event) {
        if (held != null) {
            held.add(event);
            return;
        }
        send(event);
    }

    /** Sends a reset first when the client missed events, then the replay, then what arrived meanwhile. */
    synchronized void goLive(StreamId resetAt, List<StreamEvent> replay) {
        if (resetAt != null) {
            write(SseEmitter.event().id(resetAt.toString()).name("reset")
                    .data("{\"reload\":true,\"reason\":\"Events after the given Last-Event-ID are no longer kept;"
                            + " reload the current state.\"}"));
            lastSent = resetAt;
        }
        replay.forEach(this::send);
        List<StreamEvent> arrived = held;
        held = null;
        arrived.stream().sorted(Comparator.comparing(StreamEvent::id)).forEach(this::send);
    }

    synchronized void ping() {
        if (held == null) {
            write(SseEmitter.event().comment(" ping"));
        }
    }

    synchronized void complete() {
        broken = true;
        emitter.complete();
    }

    private void send(StreamEvent event) {
        if (lastSent != null && !event.id().isAfter(lastSent)) {
            return;
        }
        write(SseEmitter.event().id(event.id().toString()).name(event.event()).data(event.data()));
        lastSent = event.id();
    }

    private void write(SseEmitter.SseEventBuilder event) {
        if (broken) {
            return;
        }
        try {
            emitter.send(event);
        }
        catch (IOException | IllegalStateException gone) {
            // The client left (the container reports it to Spring MVC) or the stream already ended.
            broken = true;
            onBroken.accept(this);
        }
    }
}
