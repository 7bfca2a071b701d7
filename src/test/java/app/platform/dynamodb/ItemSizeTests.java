package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's item size rules, as the unit of work applies them before a write. */
class ItemSizeTests {

    @Test
    void namesAndStringsCountTheirUtf8Bytes() {
        assertThat(ItemSize.of(Map.of("pk", AttributeValue.fromS("abc")))).isEqualTo(2 + 3);
        assertThat(ItemSize.of(Map.of("é", AttributeValue.fromS("€")))).isEqualTo(2 + 3);
    }

    @Test
    void numbersCountNoLessThanDynamoDbsPackedDigits() {
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("123456")))).isEqualTo(1 + 7);
    }

    @Test
    void listsAndMapsAddThreeBytesAndOnePerElement() {
        AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromBool(true)));
        AttributeValue map = AttributeValue.fromM(Map.of("a", AttributeValue.fromS("bc")));

        assertThat(ItemSize.of(Map.of("l", list))).isEqualTo(1 + 3 + (1 + 2) + (1 + 1));
        assertThat(ItemSize.of(Map.of("m", map))).isEqualTo(1 + 3 + 1 + (1 + 2));
    }
}
