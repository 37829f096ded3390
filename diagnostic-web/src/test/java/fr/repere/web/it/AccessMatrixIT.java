package fr.repere.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the deployed API, read from its OpenAPI document, called by every role: the
 * outcome must be the one written in access-matrix.csv. A new endpoint without a line there fails
 * the build.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

    private static final List<String> ROLES = List.of("anonymous", "WORKER", "TEAM_LEAD", "ANALYST", "ADMIN", "HOST");
    private static final Map<String, String> LOGINS = Map.of("WORKER", TestAgents.WORKER_A, "TEAM_LEAD", TestAgents.LEAD_A,
            "ANALYST", TestAgents.ANALYST, "ADMIN", TestAgents.ADMIN);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws Exception {
        Map<String, List<String>> matrix = matrix();
        Set<String> deployed = deployedOperations();
        assertEquals(new TreeSet<>(deployed), new TreeSet<>(matrix.keySet()),
                "access-matrix.csv must have exactly one line per deployed operation");

        List<String> failures = new ArrayList<>();
        // logout last: it ends the session the other calls use
        List<String> operations = matrix.keySet().stream()
                .sorted(Comparator.comparing((String op) -> op.equals("DELETE /api/v1/session")).thenComparing(op -> op))
                .toList();
        for (int r = 0; r < ROLES.size(); r++) {
            String role = ROLES.get(r);
            if (LOGINS.containsKey(role)) {
                Http.loginAs(uri("/"), LOGINS.get(role));
            } else if (role.equals("HOST")) {
                Http.asHost(TestAgents.HOST_KEY);
            } else {
                Http.anonymous();
            }
            for (String operation : operations) {
                String expected = matrix.get(operation).get(r);
                int status = call(operation).statusCode();
                boolean ok = switch (expected) {
                    case "ok" -> status != 401 && status != 403 && status < 500;
                    default -> status == Integer.parseInt(expected);
                };
                if (!ok) {
                    failures.add(role + " " + operation + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Calls an operation with placeholder ids and a body of the right media type. */
    private HttpResponse<String> call(String operation) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{version}", "matrice").replace("{file}", "matrice.drl.xlsx");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        boolean multipart = operation.equals("POST /api/v1/rulesets");
        String type = multipart ? "multipart/form-data; boundary=matrice" : "application/json";
        String body = multipart ? "--matrice--\r\n" : "{}";
        return switch (parts[0]) {
            case "GET" -> Http.send(request.GET());
            case "DELETE" -> Http.send(request.DELETE());
            default -> Http.send(request.method(parts[0], HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type));
        };
    }

    private Set<String> deployedOperations() {
        HttpResponse<String> doc = Http.send(HttpRequest.newBuilder(uri("/openapi")).header("Accept", "application/json"));
        JsonObject paths = Http.json(doc).getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(k -> Set.of("get", "post", "put", "patch", "delete").contains(k))
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private static Map<String, List<String>> matrix() throws Exception {
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AccessMatrixIT.class.getResourceAsStream("/access-matrix.csv"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("method;") && !l.isBlank()).forEach(line -> {
                String[] cells = line.split(";");
                matrix.put(cells[0] + " " + cells[1], List.of(cells).subList(2, 2 + ROLES.size()));
            });
        }
        return matrix;
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
