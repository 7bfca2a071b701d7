package app.integrations;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;

/**
 * The caller's connections to social providers. {@code callback} is where the provider sends the browser back: it
 * carries no access token and is authenticated by its {@code state} alone.
 */
@RestController
@RequestMapping("/api/v1/integrations")
class IntegrationsController {

    static final String CALLBACK = "/api/v1/integrations/{provider}/callback";

    private final ConnectionManagement connections;
    private final IntegrationsSettings settings;

    IntegrationsController(ConnectionManagement connections, IntegrationsSettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    /** A connection as the API shows it: never its tokens. */
    record ConnectionView(String provider, ConnectionStatus status, List<String> scopes, Instant connectedAt,
            Instant expiresAt) {

        static ConnectionView of(Connection connection) {
            return new ConnectionView(connection.getProvider(), connection.getStatus(), connection.getScopes(),
                    connection.getConnectedAt(), connection.getTokenExpiresAt());
        }
    }

    record ConnectStarted(String authorizationUrl, String state) {
    }

    @GetMapping
    Page<ConnectionView> list(CurrentUser caller) {
        return new Page<>(connections.connectionsOf(caller.id()).stream().map(ConnectionView::of).toList(), null);
    }

    /** Starts connecting: the browser goes to {@code authorizationUrl}; the provider sends it back to the callback. */
    @GetMapping("/{provider}/connect")
    ConnectStarted connect(CurrentUser caller, @PathVariable String provider) {
        ConnectionManagement.Authorization started = connections.start(caller.id(), provider,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return new ConnectStarted(started.authorizationUrl(), started.state());
    }

    /** The provider's redirect: stores the connection and sends the browser on to the web page. */
    @GetMapping("/{provider}/callback")
    ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        connections.complete(provider, code, state, error);
        URI next = UriComponentsBuilder.fromUriString(settings.afterConnectUrl()).queryParam("connected", provider)
                .encode().build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(next).build();
    }

    @DeleteMapping("/{provider}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(CurrentUser caller, @PathVariable String provider) {
        connections.disconnect(caller.id(), provider);
    }
}
