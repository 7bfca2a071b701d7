package app.platform.eventbridge;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;

/** The event classes that travel through EventBridge, by detail-type, found once on the class path. */
class ExternalizedEventTypes {

    private final Map<String, Class<?>> byDetailType = new HashMap<>();

    ExternalizedEventTypes(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            Class<?> previous = byDetailType.put(EventBridgeEntries.detailTypeOf(type), type);
            if (previous != null) {
                throw new IllegalStateException("Detail-type " + EventBridgeEntries.detailTypeOf(type)
                        + " is declared by both " + previous.getName() + " and " + type.getName());
            }
        }
    }

    Optional<Class<?>> forDetailType(String detailType) {
        return Optional.ofNullable(byDetailType.get(detailType));
    }

    Map<String, Class<?>> all() {
        return Map.copyOf(byDetailType);
    }
}
