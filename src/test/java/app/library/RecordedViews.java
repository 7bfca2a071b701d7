package app.library;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records content views as they are published, for tests to look for. */
@Component
class RecordedViews {

    final List<UserContentViewed> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(UserContentViewed viewed) {
        seen.add(viewed);
    }
}
