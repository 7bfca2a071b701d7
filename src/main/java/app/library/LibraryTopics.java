package app.library;

import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.platform.push.LiveMessages;
import app.platform.push.TopicAccess;
import app.platform.push.TopicJoined;
import app.platform.push.TopicLeft;

/**
 * The topic of each library item, {@code /topic/library/items/{id}}: its owner and collaborators may subscribe, and
 * everyone there sees who joins and leaves ({@code {type: "presence", userId, displayName, present}}) and each edit
 * ({@code {type: "edit", version, editorId}}, sent by {@link LibraryManagement}).
 */
@Component
class LibraryTopics implements TopicAccess {

    static final String PREFIX = "/topic/library/items/";
    private static final Pattern ITEM_TOPIC = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z0-9-]{1,100})");

    /** What subscribers receive when someone's session joins or leaves the item's topic. */
    record Presence(String type, String userId, String displayName, boolean present) {

        Presence(String userId, String displayName, boolean present) {
            this("presence", userId, displayName, present);
        }
    }

    private final LibraryManagement library;
    private final LibraryMembers members;
    private final LiveMessages live;

    LibraryTopics(LibraryManagement library, LibraryMembers members, LiveMessages live) {
        this.library = library;
        this.members = members;
        this.live = live;
    }

    @Override
    public boolean handles(String destination) {
        return destination.startsWith(PREFIX);
    }

    @Override
    public boolean maySubscribe(String userId, String destination) {
        var topic = ITEM_TOPIC.matcher(destination);
        return topic.matches() && library.accessible(userId, topic.group(1)).isPresent();
    }

    @EventListener
    void on(TopicJoined joined) {
        if (handles(joined.destination())) {
            announce(joined.userId(), joined.destination(), true);
        }
    }

    @EventListener
    void on(TopicLeft left) {
        if (handles(left.destination())) {
            announce(left.userId(), left.destination(), false);
        }
    }

    private void announce(String userId, String destination, boolean present) {
        String displayName = members.of(userId).map(LibraryMember::getDisplayName).orElse(null);
        live.toTopic(destination, new Presence(userId, displayName, present));
    }
}
