package fr.repere.questionnaire;

import fr.repere.scoring.Level;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published questionnaire versions, read once from the versioned resources under
 * {@code questionnaires/} and checked at start-up: a broken definition stops the application
 * instead of producing wrong diagnostics.
 */
public final class QuestionnaireCatalog {

    private static final String BASE = "questionnaires/";

    private final Map<String, Questionnaire> versions;
    private final String current;

    private QuestionnaireCatalog(Map<String, Questionnaire> versions, String current) {
        this.versions = versions;
        this.current = current;
    }

    /** Loads every version listed in {@code questionnaires/index.json}. */
    public static QuestionnaireCatalog load() {
        JsonObject index = read(BASE + "index.json");
        Map<String, Questionnaire> versions = new LinkedHashMap<>();
        for (JsonValue v : index.getJsonArray("versions")) {
            String version = ((JsonString) v).getString();
            Questionnaire q = parse(read(BASE + "repere-" + version + ".json"));
            if (!q.version().equals(version)) {
                throw new IllegalStateException("questionnaire file repere-" + version + ".json declares version " + q.version());
            }
            versions.put(version, q);
        }
        String current = index.getString("current");
        if (!versions.containsKey(current)) {
            throw new IllegalStateException("current questionnaire version " + current + " is not listed");
        }
        return new QuestionnaireCatalog(versions, current);
    }

    /** A catalog of given versions, the last one current: for tests and tools. */
    public static QuestionnaireCatalog of(Questionnaire... published) {
        Map<String, Questionnaire> versions = new LinkedHashMap<>();
        for (Questionnaire q : published) {
            versions.put(q.version(), q);
        }
        return new QuestionnaireCatalog(versions, published[published.length - 1].version());
    }

    /** Every published version, oldest first. */
    public List<Questionnaire> versions() {
        return List.copyOf(versions.values());
    }

    public Questionnaire current() {
        return versions.get(current);
    }

    public Optional<Questionnaire> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    private static JsonObject read(String resource) {
        ClassLoader loader = QuestionnaireCatalog.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing questionnaire resource " + resource);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks one questionnaire definition. */
    public static Questionnaire parse(JsonObject json) {
        String version = json.getString("version");
        List<Question> questions = new ArrayList<>();
        for (JsonObject q : json.getJsonArray("questions").getValuesAs(JsonObject.class)) {
            questions.add(question(q));
        }
        Questionnaire questionnaire = new Questionnaire(version, json.getString("title"), questions);
        validate(questionnaire, questions);
        return questionnaire;
    }

    private static Question question(JsonObject q) {
        List<AnswerOption> options = new ArrayList<>();
        for (JsonObject o : q.getJsonArray("options").getValuesAs(JsonObject.class)) {
            Integer score = o.containsKey("score") ? o.getInt("score") : null;
            Set<String> flags = new HashSet<>();
            if (o.containsKey("flags")) {
                o.getJsonArray("flags").getValuesAs(JsonString.class).forEach(f -> flags.add(f.getString()));
            }
            options.add(new AnswerOption(o.getString("code"), o.getString("label"), score,
                    o.getBoolean("unknown", false), o.getBoolean("exclusive", false),
                    o.containsKey("maxLevel") ? Level.valueOf(o.getString("maxLevel")) : null, flags));
        }
        Condition showIf = null;
        if (q.containsKey("showIf")) {
            JsonObject c = q.getJsonObject("showIf");
            Set<String> anyOf = new HashSet<>();
            c.getJsonArray("anyOf").getValuesAs(JsonString.class).forEach(s -> anyOf.add(s.getString()));
            showIf = new Condition(c.getString("question"), anyOf);
        }
        Map<String, List<String>> frameworks = new LinkedHashMap<>();
        if (q.containsKey("frameworks")) {
            q.getJsonObject("frameworks").forEach((framework, refs) -> frameworks.put(framework,
                    refs.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        }
        return new Question(q.getString("code"), Dimension.valueOf(q.getString("dimension")),
                q.getString("indicator", ""), q.getString("label"), q.getString("hint", ""), q.getString("purpose", ""),
                frameworks, q.getBoolean("multiple", false), q.getBoolean("required", true), q.getInt("weight", 1),
                options, showIf);
    }

    private static Level capOf(AnswerOption o) {
        return o.maxLevel() == null ? Level.AUTONOMOUS : o.maxLevel();
    }

    /**
     * The definition checks of the start-up: unique codes, every option scored, and reachable
     * questions (a condition names an earlier question and options it has, so no cycle exists).
     */
    static void validate(Questionnaire questionnaire, List<Question> declared) {
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> position = new LinkedHashMap<>();
        for (Question q : declared) {
            if (!seen.add(q.code())) {
                errors.add("duplicate question code " + q.code());
            }
            position.put(q.code(), position.size());
            Set<String> optionCodes = new HashSet<>();
            for (AnswerOption o : q.options()) {
                if (!optionCodes.add(o.code())) {
                    errors.add(q.code() + ": duplicate option code " + o.code());
                }
                boolean needsScore = q.dimension().scored() && !o.unknown();
                if (needsScore && (o.score() == null || o.score() < 0 || o.score() > 100)) {
                    errors.add(q.code() + "." + o.code() + ": a scored option needs a score from 0 to 100");
                }
                if (o.maxLevel() != null && (!needsScore || o.maxLevel() == Level.NOT_ASSESSED)) {
                    errors.add(q.code() + "." + o.code() + ": maxLevel only applies to scored options, with a real level");
                }
                if (!needsScore && o.score() != null) {
                    errors.add(q.code() + "." + o.code() + ": this option must not carry a score");
                }
            }
            for (AnswerOption better : q.options()) {
                for (AnswerOption worse : q.options()) {
                    if (better.score() != null && worse.score() != null && better.score() > worse.score()
                            && capOf(better).ordinal() > capOf(worse).ordinal()) {
                        errors.add(q.code() + "." + better.code() + ": a better answer cannot cap the level lower than "
                                + worse.code());
                    }
                }
            }
            if (q.options().isEmpty()) {
                errors.add(q.code() + ": no option");
            }
            if (q.weight() < 1) {
                errors.add(q.code() + ": weight must be at least 1");
            }
            if (q.showIf() != null) {
                Integer parent = position.get(q.showIf().question());
                Optional<Question> parentQuestion = questionnaire.question(q.showIf().question());
                if (parent == null || parent >= position.get(q.code()) || parentQuestion.isEmpty()) {
                    errors.add(q.code() + ": showIf must name an earlier question");
                } else if (!q.showIf().anyOf().stream().allMatch(o -> parentQuestion.get().option(o).isPresent())) {
                    errors.add(q.code() + ": showIf names an option " + q.showIf().question() + " does not have");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("questionnaire " + questionnaire.version() + " is invalid: " + errors);
        }
    }
}
