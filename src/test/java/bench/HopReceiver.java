package bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other process of the saga benchmark's HTTP hop: a service that takes a step's event as JSON over HTTP, reads
 * it, optionally writes one item to DynamoDB (the least a receiving service does to keep it), and answers 204. It
 * prints its port on the first line of its output.
 * <p>
 * Arguments: {@code [dynamodb-endpoint table]} (without them it writes nothing).
 */
public final class HopReceiver {

    private HopReceiver() {
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        DynamoDbClient dynamoDb = args.length < 2 ? null : DynamoDbClient.builder()
                .endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        String table = args.length < 2 ? null : args[1];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hops", exchange -> {
            HopEvent event = json.readValue(exchange.getRequestBody(), HopEvent.class);
            if (dynamoDb != null) {
                dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
                        "pk", AttributeValue.fromS("hop#" + UUID.randomUUID()), "sk", AttributeValue.fromS("hop"),
                        "generationId", AttributeValue.fromS(event.generationId()),
                        "body", AttributeValue.fromS(event.body()))));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }
}
