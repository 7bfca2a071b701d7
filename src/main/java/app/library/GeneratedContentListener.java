package app.library;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.studio.BlogContentGenerated;
import app.studio.ContentReadyForLibrary;
import app.studio.GenerationFailed;

/**
 * The library's part of the content saga: {@code ai.content.blog.generated} → {@code library.content.save}, the
 * saga's library step for social posts and listings, and its compensation when a generation is given up. Outside a
 * transaction of their own, so a save and a withdrawal of the same generation racing each other retry at once; the
 * event registry still delivers each event again until its listener ends.
 */
@Component
class GeneratedContentListener {

    private final LibraryManagement library;

    GeneratedContentListener(LibraryManagement library) {
        this.library = library;
    }

    @Async
    @TransactionalEventListener
    void on(BlogContentGenerated blog) {
        library.saveGenerated(blog.generationId(), blog.owner(), "blog", blog.title(), blog.body());
    }

    @Async
    @TransactionalEventListener
    void on(ContentReadyForLibrary content) {
        library.saveGenerated(content.generationId(), content.owner(), content.type(), content.title(),
                content.body());
    }

    @Async
    @TransactionalEventListener
    void on(GenerationFailed failure) {
        if (failure.compensates("remove-from-library")) {
            library.withdrawGenerated(failure.generationId(), failure.owner(), failure.type());
        }
    }
}
