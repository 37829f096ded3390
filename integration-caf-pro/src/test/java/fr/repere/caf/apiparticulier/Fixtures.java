package fr.repere.caf.apiparticulier;

import fr.repere.caf.CivilStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The staging fixtures copied in {@code src/test/resources/api-particulier/fixtures}, read with
 * SnakeYAML (independently of the JSON-P code under test). Parameters are given under the names
 * the API uses on the wire ({@code prenoms[]}), all values as strings.
 */
final class Fixtures {

    static final String ROOT = "/api-particulier/fixtures/";
    static final Map<String, String> ENDPOINT_DIRECTORIES = Map.of(
            ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, "revenu_solidarite_active_with_civility",
            ApiParticulierClient.PRIME_ACTIVITE, "prime_activite_with_civility");

    /** Typo of some staging files ({@code anneeDateDaissance}…), read as the parameter meant. */
    static final Map<String, String> KNOWN_TYPOS = Map.of(
            "anneeDateDaissance", "anneeDateNaissance",
            "moisDateDaissance", "moisDateNaissance",
            "jourDateDaissance", "jourDateNaissance");

    private static final List<Fixture> ALL = load();

    private Fixtures() {
    }

    static List<Fixture> all() {
        return ALL;
    }

    static List<Fixture> of(String endpoint) {
        return ALL.stream().filter(f -> f.endpoint().equals(endpoint)).toList();
    }

    /** The fixture of {@code endpoint} whose parameters are exactly {@code params}, if any. */
    static Optional<Fixture> matching(String endpoint, Map<String, List<String>> params) {
        return of(endpoint).stream().filter(f -> f.params().equals(params)).findFirst();
    }

    static Fixture named(String endpoint, String file) {
        return of(endpoint).stream().filter(f -> f.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + file));
    }

    /**
     * One staging case.
     *
     * @param rawParams     the {@code params} of the file as written (names and YAML values)
     * @param params        wire names (typos corrected, {@code prenoms} as {@code prenoms[]}), string values
     * @param typoCorrected whether a known typo had to be corrected
     */
    record Fixture(String endpoint, String file, Map<String, Object> rawParams, Map<String, List<String>> params,
                   boolean typoCorrected, int status, String payload) {

        /** The payload read as a tree by SnakeYAML (JSON is YAML): the expected values of the tests. */
        @SuppressWarnings("unchecked")
        Map<String, Object> payloadTree() {
            return (Map<String, Object>) new Yaml().load(payload);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) payloadTree().get("data");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> firstError() {
            return ((List<Map<String, Object>>) payloadTree().get("errors")).get(0);
        }

        /** The identity of the case, if the domain can express it (it cannot without a first name). */
        Optional<CivilStatus> civilStatus() {
            List<String> prenoms = params.getOrDefault("prenoms[]", List.of());
            if (prenoms.isEmpty()) {
                return Optional.empty();
            }
            Integer year = integer("anneeDateNaissance");
            Integer month = integer("moisDateNaissance");
            Integer day = integer("jourDateNaissance");
            CivilStatus.BirthDate birth = year == null ? null : new CivilStatus.BirthDate(year, month, day);
            return Optional.of(new CivilStatus(single("nomNaissance"), single("nomUsage"), prenoms, birth,
                    CivilStatus.Sexe.valueOf(single("sexeEtatCivil")), single("codeCogInseePaysNaissance"),
                    single("codeCogInseeCommuneNaissance")));
        }

        String single(String name) {
            List<String> values = params.get(name);
            return values == null ? null : values.get(0);
        }

        private Integer integer(String name) {
            String value = single(name);
            return value == null ? null : Integer.valueOf(value);
        }

        @Override
        public String toString() {
            return ENDPOINT_DIRECTORIES.get(endpoint) + "/" + file;
        }
    }

    private static List<Fixture> load() {
        List<Fixture> fixtures = new ArrayList<>();
        ENDPOINT_DIRECTORIES.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(entry -> {
            Path directory = resourceDirectory(ROOT + entry.getValue());
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    fixtures.add(read(entry.getKey(), file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return List.copyOf(fixtures);
    }

    @SuppressWarnings("unchecked")
    private static Fixture read(String endpoint, Path file) throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(file)) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> raw = (Map<String, Object>) yaml.get("params");
        Map<String, List<String>> params = new LinkedHashMap<>();
        boolean corrected = false;
        for (Map.Entry<String, Object> param : raw.entrySet()) {
            String name = param.getKey();
            if (KNOWN_TYPOS.containsKey(name)) {
                name = KNOWN_TYPOS.get(name);
                corrected = true;
            }
            if (name.equals("prenoms")) {
                name = "prenoms[]";
            }
            List<String> values = param.getValue() instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(param.getValue()));
            params.put(name, values);
        }
        return new Fixture(endpoint, file.getFileName().toString(), raw, Map.copyOf(params), corrected,
                (Integer) yaml.get("status"), (String) yaml.get("payload"));
    }

    static Path resourceDirectory(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
