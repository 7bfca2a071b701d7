package app.integrations;

/**
 * The table of connected accounts ({@code deploy/dynamodb/tables/integration-connections.json}): connections and
 * pending authorizations, told apart by key prefix.
 */
final class IntegrationsTable {

    static final String CONNECTIONS = "integration-connections";

    private IntegrationsTable() {
    }
}
