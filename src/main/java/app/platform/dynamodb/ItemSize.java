package app.platform.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of an item as DynamoDB counts it against its 400 KB limit: the UTF-8 length of every attribute name plus
 * the size of its value, lists and maps adding 3 bytes and 1 byte per element. Numbers are counted at their length in
 * characters plus one, which is never less than DynamoDB's packed encoding: the estimate errs on the large side.
 */
final class ItemSize {

    /** DynamoDB's limit on the size of one item, in bytes (400 KB). */
    static final int LIMIT = 400 * 1024;

    private ItemSize() {
    }

    static int of(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToInt(attribute -> utf8(attribute.getKey()) + of(attribute.getValue()))
                .sum();
    }

    private static int of(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> value.n().length() + 1;
            case B -> value.b().asByteArray().length;
            case SS -> value.ss().stream().mapToInt(ItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToInt(number -> number.length() + 1).sum();
            case BS -> value.bs().stream().mapToInt(bytes -> bytes.asByteArray().length).sum();
            case BOOL, NUL -> 1;
            case L -> 3 + value.l().stream().mapToInt(element -> 1 + of(element)).sum();
            case M -> 3 + value.m().size() + of(value.m());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("Unknown attribute type: " + value);
        };
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
