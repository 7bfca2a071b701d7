package app.platform.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table schemas of all modules, read from {@code dynamodb/tables/<table>.json} on the class path. The files live
 * in {@code deploy/dynamodb/tables/} and hold the {@code Properties} of a CloudFormation {@code AWS::DynamoDB::Table}
 * (without {@code TableName}), so local runs and AWS create the very same tables.
 */
final class TableDefinitions {

    private static final String LOCATION = "classpath*:dynamodb/tables/*.json";

    private TableDefinitions() {
    }

    /** One table: its logical name (the file name) and the request that creates it under a physical name. */
    record TableDefinition(String logicalName, JsonNode properties) {

        CreateTableRequest createRequest(String physicalName) {
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(physicalName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes(properties.path("AttributeDefinitions")))
                    .keySchema(keys(properties.path("KeySchema")));
            List<GlobalSecondaryIndex> indexes = indexes(properties.path("GlobalSecondaryIndexes"));
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes);
            }
            return request.build();
        }

        /** The attributes of the table's primary key, partition key first. */
        List<String> keyNames() {
            List<String> names = new ArrayList<>();
            properties.path("KeySchema").forEach(key -> names.add(key.path("AttributeName").asString()));
            return names;
        }

        List<String> indexNames() {
            List<String> names = new ArrayList<>();
            properties.path("GlobalSecondaryIndexes").forEach(index -> names.add(index.path("IndexName").asString()));
            return names;
        }

        private static List<AttributeDefinition> attributes(JsonNode node) {
            List<AttributeDefinition> attributes = new ArrayList<>();
            node.forEach(attribute -> attributes.add(AttributeDefinition.builder()
                    .attributeName(attribute.path("AttributeName").asString())
                    .attributeType(attribute.path("AttributeType").asString())
                    .build()));
            return attributes;
        }

        private static List<KeySchemaElement> keys(JsonNode node) {
            List<KeySchemaElement> keys = new ArrayList<>();
            node.forEach(key -> keys.add(KeySchemaElement.builder()
                    .attributeName(key.path("AttributeName").asString())
                    .keyType(key.path("KeyType").asString())
                    .build()));
            return keys;
        }

        private static List<GlobalSecondaryIndex> indexes(JsonNode node) {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            node.forEach(index -> indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asString())
                    .keySchema(keys(index.path("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(index.path("Projection").path("ProjectionType").asString("ALL"))
                            .build())
                    .build()));
            return indexes;
        }
    }

    static List<TableDefinition> load() {
        JsonMapper json = JsonMapper.builder().build();
        List<TableDefinition> definitions = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String fileName = Objects.requireNonNull(resource.getFilename());
                try (InputStream in = resource.getInputStream()) {
                    definitions.add(new TableDefinition(fileName.substring(0, fileName.length() - ".json".length()),
                            json.readTree(in)));
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read the table definitions at " + LOCATION, e);
        }
        return definitions;
    }
}
