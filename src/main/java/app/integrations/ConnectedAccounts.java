package app.integrations;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the rest of this module (publishing scheduled posts) needs from connected accounts: which providers a user
 * can publish to, and a usable access token for one.
 */
@Component
class ConnectedAccounts {

    private final ConnectionManagement connections;

    ConnectedAccounts(ConnectionManagement connections) {
        this.connections = connections;
    }

    /** The ids of the providers the user is connected to with status {@code CONNECTED}. */
    List<String> connectedProviders(String userId) {
        return connections.connectionsOf(userId).stream().filter(Connection::isConnected)
                .map(Connection::getProvider).toList();
    }

    /**
     * A valid access token of the user at the provider, refreshed first if it is about to expire; empty if the user
     * is not connected, the connection has expired, or the token cannot be refreshed right now.
     */
    Optional<String> accessToken(String userId, String provider) {
        return connections.accessToken(userId, provider);
    }
}
