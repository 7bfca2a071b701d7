package app.platform.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns DynamoDB's last evaluated key into an opaque, signed pagination cursor and back. The signature covers the
 * query's scope (table, index and partition), so a cursor cannot be altered or replayed against another collection,
 * e.g. another user's.
 */
final class CursorCodec {

    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Map<String, String>>> KEY_TYPE = new TypeReference<>() {
    };

    private final SecretKeySpec key;
    private final JsonMapper json = JsonMapper.builder().build();

    CursorCodec(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, plain(value)));
        byte[] payload = json.writeValueAsBytes(plain);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(scope, payload));
    }

    Map<String, AttributeValue> decode(String scope, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            int dot = cursor.indexOf('.');
            if (dot < 0) {
                throw new InvalidCursor();
            }
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(scope, payload))) {
                throw new InvalidCursor();
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            json.readValue(payload, KEY_TYPE).forEach((name, value) -> key.put(name, attribute(value)));
            return key;
        }
        catch (IllegalArgumentException | JacksonException malformed) {
            throw new InvalidCursor();
        }
    }

    private static Map<String, String> plain(AttributeValue value) {
        if (value.s() != null) {
            return Map.of("S", value.s());
        }
        if (value.n() != null) {
            return Map.of("N", value.n());
        }
        if (value.b() != null) {
            return Map.of("B", ENCODER.encodeToString(value.b().asByteArray()));
        }
        throw new IllegalArgumentException("Key attributes are strings, numbers or binary, not " + value);
    }

    private static AttributeValue attribute(Map<String, String> plain) {
        if (plain.size() != 1) {
            throw new InvalidCursor();
        }
        Map.Entry<String, String> entry = plain.entrySet().iterator().next();
        return switch (entry.getKey()) {
            case "S" -> AttributeValue.fromS(entry.getValue());
            case "N" -> AttributeValue.fromN(entry.getValue());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(DECODER.decode(entry.getValue())));
            default -> throw new InvalidCursor();
        };
    }

    private byte[] sign(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
