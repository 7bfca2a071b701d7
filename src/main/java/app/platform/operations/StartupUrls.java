package app.platform.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.platform.devservices.DevMailServer;

/** Logs where to find the running application once it is ready. */
@Component
class StartupUrls {

    private static final Logger log = LoggerFactory.getLogger(StartupUrls.class);

    @EventListener
    void on(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            String localMail = web.getBeanProvider(DevMailServer.class).getIfAvailable() == null ? ""
                    : "  Local mail: " + base + "/dev/mails";
            log.info("Ready in {} ms. App: {}/  API docs: {}/v3/api-docs  Swagger UI: {}/swagger-ui.html  Health: "
                    + "{}/actuator/health{}", ready.getTimeTaken().toMillis(), base, base, base, base, localMail);
        }
    }
}
