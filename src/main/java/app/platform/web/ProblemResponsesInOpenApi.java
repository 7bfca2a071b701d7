package app.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPatternParser;

import app.platform.security.AnonymousRoute;

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
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Documents the Problem Details every {@code /api/v1} operation may answer, with their schema, so the OpenAPI
 * document tells clients about errors as well as successes.
 */
@Component
class ProblemResponsesInOpenApi implements GlobalOpenApiCustomizer {

    private static final String BEARER = "bearer";

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("400", "invalid-input or malformed-request: what is wrong, field by field");
        COMMON.put("404", "not-found");
        COMMON.put("405", "method-not-allowed");
        COMMON.put("413", "payload-too-large");
        COMMON.put("415", "unsupported-media-type");
        COMMON.put("429", "rate-limited; retry after Retry-After seconds (RateLimit and RateLimit-Policy headers)");
        COMMON.put("500", "internal-error");
        COMMON.put("503", "dependency-unavailable; retry after Retry-After seconds");
    }

    private final List<AnonymousRoute> anonymousRoutes;

    ProblemResponsesInOpenApi(List<AnonymousRoute> anonymousRoutes) {
        this.anonymousRoutes = anonymousRoutes;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("The accessToken of POST /api/v1/users/login"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                operationsByMethod(item).forEach((method, operation) -> {
                    addProblems(operation);
                    if (!anonymous(method, path)) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                        operation.getResponses().putIfAbsent("401", new ApiResponse()
                                .description("unauthorized: no valid access token").content(problemContent()));
                    }
                });
            }
        });
    }

    private boolean anonymous(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return anonymousRoutes.stream().anyMatch(route -> (route.method() == null || route.method().equals(method))
                && PathPatternParser.defaultInstance.parse(route.pattern()).matches(container));
    }

    private static void addProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        COMMON.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                new ApiResponse().description(description).content(problemContent())));
    }

    private static Content problemContent() {
        return new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Map<HttpMethod, Operation> operationsByMethod(PathItem item) {
        Map<HttpMethod, Operation> operations = new LinkedHashMap<>();
        Stream.of(Map.entry(HttpMethod.GET, Optional.ofNullable(item.getGet())),
                Map.entry(HttpMethod.POST, Optional.ofNullable(item.getPost())),
                Map.entry(HttpMethod.PUT, Optional.ofNullable(item.getPut())),
                Map.entry(HttpMethod.PATCH, Optional.ofNullable(item.getPatch())),
                Map.entry(HttpMethod.DELETE, Optional.ofNullable(item.getDelete())))
                .forEach(entry -> entry.getValue().ifPresent(operation -> operations.put(entry.getKey(), operation)));
        return operations;
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
