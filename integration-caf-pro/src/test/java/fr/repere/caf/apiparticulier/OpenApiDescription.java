package fr.repere.caf.apiparticulier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI description copied in {@code src/test/resources/api-particulier}, read with SnakeYAML,
 * and a checker of a recorded request against one of its GET operations.
 */
final class OpenApiDescription {

    static final String RESOURCE = "/api-particulier/api-particulier-openapi-v3.yml";

    private final Map<String, Object> root;

    private OpenApiDescription(Map<String, Object> root) {
        this.root = root;
    }

    static OpenApiDescription load() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        try (InputStream in = OpenApiDescription.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new OpenApiDescription(new Yaml(options).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parameter of an operation. */
    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
        String type() {
            return (String) schema.get("type");
        }
    }

    Map<String, Object> root() {
        return root;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String path) {
        Map<String, Object> paths = (Map<String, Object>) root.get("paths");
        Map<String, Object> item = (Map<String, Object>) paths.get(path);
        if (item == null || !item.containsKey("get")) {
            throw new IllegalArgumentException("no GET " + path + " in the OpenAPI description");
        }
        return (Map<String, Object>) item.get("get");
    }

    @SuppressWarnings("unchecked")
    List<Parameter> parameters(String path) {
        List<Parameter> parameters = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) get(path).get("parameters")) {
            Map<String, Object> schema = (Map<String, Object>) p.getOrDefault("schema", Map.of());
            parameters.add(new Parameter((String) p.get("name"), (String) p.get("in"),
                    Boolean.TRUE.equals(p.get("required")), schema));
        }
        return parameters;
    }

    List<Parameter> queryParameters(String path) {
        return parameters(path).stream().filter(p -> p.in().equals("query")).toList();
    }

    /** The {@code properties.data} schema of the 200 answer. */
    @SuppressWarnings("unchecked")
    Map<String, Object> okDataSchema(String path) {
        Map<String, Object> responses = (Map<String, Object>) get(path).get("responses");
        Map<String, Object> ok = (Map<String, Object>) responses.get("200");
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ok.get("content")).get("application/json");
        Map<String, Object> schema = (Map<String, Object>) json.get("schema");
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("data");
    }

    /**
     * What is wrong with {@code request} for {@code GET path}: unknown query parameters, missing
     * required ones, repeated non-array ones, values off their schema (type, enum, length, item
     * count), a missing bearer token when the operation is secured by an HTTP bearer scheme.
     */
    @SuppressWarnings("unchecked")
    List<String> violations(String path, ApiParticulierStub.Recorded request) {
        List<String> problems = new ArrayList<>();
        if (!request.method().equals("GET")) {
            problems.add("method " + request.method());
        }
        if (!request.path().equals(path)) {
            problems.add("path " + request.path());
        }
        List<Parameter> declared = queryParameters(path);
        for (String name : request.params().keySet()) {
            if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                problems.add("undeclared query parameter " + name);
            }
        }
        for (Parameter parameter : declared) {
            List<String> values = request.params().get(parameter.name());
            if (values == null) {
                if (parameter.required()) {
                    problems.add("missing required " + parameter.name());
                }
                continue;
            }
            problems.addAll(valueProblems(parameter, values));
        }
        for (Map<String, Object> requirement : (List<Map<String, Object>>) get(path).getOrDefault("security", List.of())) {
            for (String schemeName : requirement.keySet()) {
                Map<String, Object> scheme = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                        root.get("components")).get("securitySchemes")).get(schemeName);
                if ("http".equals(scheme.get("type")) && "bearer".equals(scheme.get("scheme"))) {
                    String authorization = request.header("Authorization").orElse("");
                    if (!authorization.matches("Bearer [A-Za-z0-9\\-._~+/]+=*")) {
                        problems.add("no bearer token in Authorization");
                    }
                }
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static List<String> valueProblems(Parameter parameter, List<String> values) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> schema = parameter.schema();
        Map<String, Object> itemSchema = schema;
        if ("array".equals(parameter.type())) {
            int min = (Integer) schema.getOrDefault("minItems", 0);
            int max = (Integer) schema.getOrDefault("maxItems", Integer.MAX_VALUE);
            if (values.size() < min || values.size() > max) {
                problems.add(parameter.name() + ": " + values.size() + " items, expected " + min + ".." + max);
            }
            itemSchema = (Map<String, Object>) schema.getOrDefault("items", Map.of());
        } else if (values.size() > 1) {
            problems.add(parameter.name() + " repeated");
        }
        for (String value : values) {
            String type = (String) itemSchema.get("type");
            if ("integer".equals(type) && !value.matches("-?\\d+")) {
                problems.add(parameter.name() + ": not an integer");
            }
            if (itemSchema.get("enum") instanceof List<?> allowed
                    && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
                problems.add(parameter.name() + ": not one of " + allowed);
            }
            if (itemSchema.get("minLength") instanceof Integer min && value.length() < min) {
                problems.add(parameter.name() + ": shorter than " + min);
            }
            if (itemSchema.get("maxLength") instanceof Integer max && value.length() > max) {
                problems.add(parameter.name() + ": longer than " + max);
            }
            if ("string".equals(type) && value.isEmpty()) {
                problems.add(parameter.name() + ": empty");
            }
        }
        return problems;
    }
}
