package app.library;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.studio.BlogContentGenerated;

/** {@code ai.content.blog.generated} → {@code library.content.save}. */
@Component
class GeneratedContentListener {

    private final LibraryManagement library;

    GeneratedContentListener(LibraryManagement library) {
        this.library = library;
    }

    @ApplicationModuleListener
    void on(BlogContentGenerated blog) {
        library.saveGenerated(blog.generationId(), blog.owner(), "blog", blog.title(), blog.body());
    }
}
