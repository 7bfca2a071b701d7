package app.platform.eventbridge;

import org.springframework.stereotype.Component;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Receipts of inbound events, in the platform table. */
@Component
class InboundReceipts extends DynamoRepository<InboundReceipt> {

    InboundReceipts(DynamoDbPlatform platform) {
        super(platform, "platform", TableSchema.fromBean(InboundReceipt.class));
    }
}
