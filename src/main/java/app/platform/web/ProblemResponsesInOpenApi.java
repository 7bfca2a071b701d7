package app.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the Problem Details every {@code /api/v1} operation may answer, with their schema, so the OpenAPI
 * document tells clients about errors as well as successes.
 */
@Component
class ProblemResponsesInOpenApi implements GlobalOpenApiCustomizer {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("400", "invalid-input or malformed-request: what is wrong, field by field");
        COMMON.put("404", "not-found");
        COMMON.put("405", "method-not-allowed");
        COMMON.put("413", "payload-too-large");
        COMMON.put("415", "unsupported-media-type");
        COMMON.put("500", "internal-error");
        COMMON.put("503", "dependency-unavailable; retry after Retry-After seconds");
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                operations(item).forEach(ProblemResponsesInOpenApi::addProblems);
            }
        });
    }

    private static void addProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Content problem = new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        COMMON.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                new ApiResponse().description(description).content(problem)));
    }

    private static List<Operation> operations(PathItem item) {
        return Stream.of(item.getGet(), item.getPost(), item.getPut(), item.getPatch(), item.getDelete())
                .filter(Objects::nonNull).toList();
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 Problem Details; clients branch on type, never on title or detail");
        schema.addProperty("type", new StringSchema().example("urn:problem-type:invalid-input"));
        schema.addProperty("title", new StringSchema());
        schema.addProperty("status", new IntegerSchema());
        schema.addProperty("detail", new StringSchema());
        schema.addProperty("instance", new StringSchema());
        schema.addProperty("requestId", new StringSchema());
        schema.addProperty("errors", new ArraySchema().items(fieldError));
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }
}
