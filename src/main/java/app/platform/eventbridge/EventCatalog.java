package app.platform.eventbridge;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog of events that travel through EventBridge, generated from the code: each detail-type with its source
 * module, its Java type, the JSON Schema of its payload and the listeners that react to it in this application.
 * Deployment reads it to declare rules and consumers; people read its Markdown rendering.
 *
 * @param events the entries, ordered by detail-type
 */
public record EventCatalog(List<Entry> events) {

    /**
     * One detail-type.
     *
     * @param listeners {@code Class.method} of every listener of the event (including the EventBridge externalizer
     *     where it runs)
     */
    public record Entry(String detailType, String source, String type, Map<String, Object> schema,
            List<String> listeners) {
    }

    /** Builds the catalog of the externalized event types that pass the filter, with the listeners among the beans. */
    static EventCatalog of(ExternalizedEventTypes types, ListableBeanFactory beans, Predicate<Class<?>> included) {
        List<Entry> entries = types.all().entrySet().stream()
                .filter(type -> included.test(type.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .map(type -> new Entry(type.getKey(), EventBridgeEntries.sourceOf(type.getValue()),
                        type.getValue().getName(), JsonSchemas.of(type.getValue()),
                        listenersOf(type.getValue(), beans)))
                .toList();
        return new EventCatalog(entries);
    }

    /** Writes {@code events.json} and a Markdown {@code README.md} into the folder. */
    public void writeTo(Path folder, JsonMapper json) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("events.json"), json.rebuild().enable(SerializationFeature.INDENT_OUTPUT)
                .build().writeValueAsString(this));
        Files.writeString(folder.resolve("README.md"), markdown());
    }

    String markdown() {
        StringBuilder text = new StringBuilder("# Event catalog\n\nGenerated from the code by the test command. "
                + "The JSON Schemas are in `events.json`.\n\n");
        if (events.isEmpty()) {
            return text.append("No module publishes an `@Externalized` event yet.\n").toString();
        }
        text.append("| detail-type | source | type | payload fields | listeners |\n| --- | --- | --- | --- | --- |\n");
        for (Entry entry : events) {
            Object properties = entry.schema().getOrDefault("properties", Map.of());
            text.append("| `").append(entry.detailType()).append("` | `").append(entry.source()).append("` | `")
                    .append(entry.type()).append("` | ")
                    .append(String.join(", ", ((Map<?, ?>) properties).keySet().stream().map(Object::toString)
                            .toList()))
                    .append(" | ").append(String.join("<br>", entry.listeners())).append(" |\n");
        }
        return text.toString();
    }

    private static List<String> listenersOf(Class<?> eventType, ListableBeanFactory beans) {
        List<String> listeners = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> beanType = beans.getType(name, false);
            if (beanType == null) {
                continue;
            }
            Class<?> target = ClassUtils.getUserClass(beanType);
            ReflectionUtils.doWithMethods(target, method -> {
                if (isListenerOf(method, eventType)) {
                    listeners.add(target.getName() + "." + method.getName());
                }
            });
        }
        listeners.sort(Comparator.naturalOrder());
        return listeners.stream().distinct().toList();
    }

    private static boolean isListenerOf(Method method, Class<?> eventType) {
        boolean listener = AnnotatedElementUtils.hasAnnotation(method, EventListener.class)
                || AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class);
        if (!listener || method.getParameterCount() != 1) {
            return false;
        }
        Class<?> parameter = method.getParameterTypes()[0];
        // A listener of Object hears everything; of those only the externalizer is about these events.
        return parameter.isAssignableFrom(eventType) && (parameter != Object.class
                || DelegatingEventExternalizer.class.isAssignableFrom(method.getDeclaringClass()));
    }
}
