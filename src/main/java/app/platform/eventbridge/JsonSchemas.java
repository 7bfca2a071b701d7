package app.platform.eventbridge;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON Schemas (draft 2020-12) of event payloads, derived from the event records' components: the shape consumers of
 * an EventBridge detail-type can rely on. Records nest; collections become arrays, maps objects, enums string
 * enumerations.
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static Map<String, Object> of(Class<?> eventType) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", eventType.getSimpleName());
        schema.putAll(schemaOf(eventType));
        return schema;
    }

    private static Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schemaOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schemaOf(arguments[1]));
            }
            return schemaOf(raw);
        }
        if (!(type instanceof Class<?> raw)) {
            return Map.of();
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return Map.of("type", "string");
        }
        if (raw == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (raw == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == Integer.class || raw == Long.class
                || raw == Short.class || raw == BigInteger.class) {
            return Map.of("type", "integer");
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class) {
            return Map.of("type", "number");
        }
        if (raw.isEnum()) {
            return Map.of("type", "string", "enum",
                    Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList());
        }
        if (raw.isArray()) {
            return Map.of("type", "array", "items", schemaOf(raw.getComponentType()));
        }
        if (raw.isRecord()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList();
            for (RecordComponent component : raw.getRecordComponents()) {
                properties.put(component.getName(), schemaOf(component.getGenericType()));
            }
            return Map.of("type", "object", "properties", properties, "required", required);
        }
        return Map.of("type", "object");
    }
}
