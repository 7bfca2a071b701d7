package app.integrations;

/** Whether a connection's tokens can be used. */
public enum ConnectionStatus {
    /** The access token is valid or can be refreshed. */
    CONNECTED,
    /** The provider refused to refresh the token (or there was none to refresh with): the user must connect again. */
    EXPIRED
}
