package app.platform.dynamodb;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The {@link Tally} aggregates, in the notes test table. */
@Component
class Tallies extends DynamoRepository<Tally> {

    Tallies(DynamoDbPlatform platform) {
        super(platform, "test-notes", TableSchema.fromBean(Tally.class));
    }
}
