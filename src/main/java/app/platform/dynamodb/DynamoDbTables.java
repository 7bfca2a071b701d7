package app.platform.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The module tables: physical names (prefix + logical name), creation of missing tables at start-up when enabled,
 * and typed access through the Enhanced Client.
 */
public class DynamoDbTables {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbTables.class);
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhancedClient;
    private final DynamoDbSettings settings;
    private final Set<String> logicalNames;
    private final List<TableDefinitions.TableDefinition> definitions;

    DynamoDbTables(DynamoDbClient client, DynamoDbEnhancedClient enhancedClient, DynamoDbSettings settings) {
        this.client = client;
        this.enhancedClient = enhancedClient;
        this.settings = settings;
        this.definitions = TableDefinitions.load();
        this.logicalNames = definitions.stream().map(TableDefinitions.TableDefinition::logicalName)
                .collect(Collectors.toUnmodifiableSet());
        if (settings.createTables()) {
            definitions.forEach(this::createIfMissing);
        }
    }

    /** The physical name of a module's table. */
    public String physicalName(String logicalName) {
        if (!logicalNames.contains(logicalName)) {
            throw new IllegalArgumentException("No table '" + logicalName + "' is declared in dynamodb/tables/; "
                    + "declared: " + logicalNames);
        }
        return settings.tablePrefix() + logicalName;
    }

    /** Typed access to a declared table. */
    public <T> DynamoDbTable<T> table(String logicalName, TableSchema<T> schema) {
        return enhancedClient.table(physicalName(logicalName), schema);
    }

    /** A declared table by its physical name, with the attributes of its primary key. */
    record DeclaredTable(String name, List<String> keyNames) {
    }

    /** The declared tables that have an index of this name, as declared (no call to DynamoDB). */
    List<DeclaredTable> tablesWithIndex(String indexName) {
        return definitions.stream()
                .filter(definition -> definition.indexNames().contains(indexName))
                .map(definition -> new DeclaredTable(settings.tablePrefix() + definition.logicalName(),
                        definition.keyNames()))
                .toList();
    }

    /** The logical names of all declared tables. */
    public Set<String> logicalNames() {
        return logicalNames;
    }

    private void createIfMissing(TableDefinitions.TableDefinition definition) {
        String name = settings.tablePrefix() + definition.logicalName();
        TableDescription existing = describe(name);
        if (existing != null) {
            List<String> missing = missingIndexes(existing, definition);
            if (!missing.isEmpty() && isLocalEngine(client.serviceClientConfiguration().endpointOverride())) {
                rebuildWithIndexes(name, definition, missing);
            }
            else if (!missing.isEmpty()) {
                throw new IllegalStateException("Table " + name + " lacks the index(es) " + missing + " declared in "
                        + "dynamodb/tables/" + definition.logicalName() + ".json. It was created by an earlier "
                        + "version: deploy the table definitions (deploy/) before starting this version.");
            }
        }
        else {
            try {
                client.createTable(definition.createRequest(name));
                log.info("Created table {} with indexes {}", name, definition.indexNames());
            }
            catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException createdConcurrently) {
                log.debug("Table {} was created by another instance", name);
            }
        }
        awaitActive(name);
    }

    private void awaitActive(String name) {
        await(() -> status(name) == TableStatus.ACTIVE, "Table " + name + " did not become ACTIVE");
    }

    private void awaitDeleted(String name) {
        await(() -> describe(name) == null, "Table " + name + " was not deleted");
    }

    private static void await(BooleanSupplier done, String failure) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + ACTIVE_TIMEOUT);
            }
            // The SDK's waiter polls every 20 s; local engines are ready within milliseconds.
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted: " + failure, e);
            }
        }
    }

    /** The indexes declared for the table that the table created by an earlier version does not have yet. */
    private static List<String> missingIndexes(TableDescription table, TableDefinitions.TableDefinition definition) {
        Set<String> present = table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        return definition.indexNames().stream().filter(index -> !present.contains(index)).toList();
    }

    /** The engine on this machine (the dev services' dynalite, or one a developer started), not a shared service. */
    static boolean isLocalEngine(Optional<URI> endpoint) {
        return endpoint.map(URI::getHost)
                .map(host -> host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                        || host.equals("::1"))
                .orElse(false);
    }

    /**
     * A local table created by an earlier version lacks an index declared since, and the local engine cannot add an
     * index to a table (running without one, the outbox index say, would silently weaken a guarantee). So the table
     * is rebuilt: its items read, the table recreated from its definition, the items written back. In AWS the
     * indexes come with the deployed table definitions instead.
     */
    private void rebuildWithIndexes(String name, TableDefinitions.TableDefinition definition, List<String> missing) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(request -> request.tableName(name).consistentRead(true)).items().forEach(items::add);
        client.deleteTable(request -> request.tableName(name));
        awaitDeleted(name);
        client.createTable(definition.createRequest(name));
        awaitActive(name);
        items.forEach(item -> client.putItem(request -> request.tableName(name).item(item)));
        log.info("Rebuilt local table {} to add the index(es) {}; its {} item(s) are kept", name, missing,
                items.size());
    }

    private TableStatus status(String name) {
        TableDescription table = describe(name);
        return table == null ? null : table.tableStatus();
    }

    private TableDescription describe(String name) {
        try {
            return client.describeTable(request -> request.tableName(name)).table();
        }
        catch (ResourceNotFoundException missing) {
            return null;
        }
    }
}
