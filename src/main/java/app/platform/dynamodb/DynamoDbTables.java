package app.platform.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
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

    /** The physical names of the declared tables that have an index of this name. */
    public List<String> tablesWithIndex(String indexName) {
        return definitions.stream()
                .filter(definition -> definition.indexNames().contains(indexName))
                .map(definition -> settings.tablePrefix() + definition.logicalName())
                .toList();
    }

    /** The logical names of all declared tables. */
    public Set<String> logicalNames() {
        return logicalNames;
    }

    private void createIfMissing(TableDefinitions.TableDefinition definition) {
        String name = settings.tablePrefix() + definition.logicalName();
        if (status(name) == null) {
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
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (status(name) != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Table " + name + " did not become ACTIVE within " + ACTIVE_TIMEOUT);
            }
            // The SDK's waiter polls every 20 s; local engines are ready within milliseconds.
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for table " + name, e);
            }
        }
    }

    private TableStatus status(String name) {
        try {
            return client.describeTable(request -> request.tableName(name)).table().tableStatus();
        }
        catch (ResourceNotFoundException missing) {
            return null;
        }
    }
}
