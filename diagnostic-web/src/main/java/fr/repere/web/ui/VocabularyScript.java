package fr.repere.web.ui;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Orientation;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.referral.Referral;
import fr.repere.scoring.Level;
import fr.repere.scoring.Progress;
import fr.repere.team.TeamFollowUp;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The screens' vocabulary as a JavaScript module, written from the one definition of each code,
 * label, order and delay in core: the screens import it instead of keeping copies that drift (a
 * delay changed in Java, a label renamed, a level added). Public like every other module: it holds
 * no one's data. The service worker keeps it with the other modules for offline interviews.
 */
@WebServlet(urlPatterns = VocabularyScript.PATH)
public class VocabularyScript extends HttpServlet {

    static final String PATH = "/assets/js/vocabulary.js";

    private static final byte[] SCRIPT = script().getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(SCRIPT.length);
        response.getOutputStream().write(SCRIPT);
    }

    static String script() {
        StringBuilder js = new StringBuilder("// Written by Repère from its definitions in Java (VocabularyScript): never copy these values.\n\n");
        constant(js, "ORIENTATIONS", pairs(Orientation.values(), Orientation::label), "Orientations, in the order the rules and the screens show them.");
        constant(js, "ACTIONS", pairs(ComplementaryAction.values(), ComplementaryAction::label), "Complementary actions.");
        JsonObjectBuilder steps = Json.createObjectBuilder();
        List<Level> assessed = Arrays.stream(Level.values()).filter(l -> l != Level.NOT_ASSESSED).toList();
        for (int i = 0; i < assessed.size(); i++) {
            steps.add(assessed.get(i).name(), assessed.size() - i); // the bar fills more as the person is more autonomous
        }
        steps.add(Level.NOT_ASSESSED.name(), 0);
        constant(js, "LEVEL_STEPS", steps.build(), "How much of a bar each level fills, from far (1) to autonomous.");
        constant(js, "LEVEL_COUNT", Json.createValue(assessed.size()), "Assessed levels.");
        constant(js, "DEMARCHE_CATEGORIES", pairs(DemarcheCategory.values(), DemarcheCategory::label),
                "The Aidants Connect démarche categories of a mandate.");
        constant(js, "MANDATE_DURATIONS", pairs(MandateDuration.values(), MandateDuration::choiceLabel), "Mandate durations.");
        JsonObjectBuilder progress = Json.createObjectBuilder();
        for (Progress p : Progress.values()) {
            progress.add(p.name(), p.label());
        }
        constant(js, "PROGRESS", progress.build(), "How a person moved on a dimension from one diagnostic to the next.");
        constant(js, "DELAYS", Json.createObjectBuilder()
                .add("referralReminderDays", Referral.REMINDER_DAYS)
                .add("referralExpiryDays", Referral.EXPIRY_DAYS)
                .add("mandateNoticeDays", TeamFollowUp.MANDATE_NOTICE_DAYS).build(), "Delays, in days.");
        return js.toString();
    }

    private static void constant(StringBuilder js, String name, JsonValue value, String comment) {
        js.append("/** ").append(comment).append(" */\nexport const ").append(name).append(" = Object.freeze(")
                .append(value).append(");\n\n");
    }

    private static <E extends Enum<E>> JsonValue pairs(E[] values, Function<E, String> label) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (E value : values) {
            list.add(Json.createArrayBuilder().add(value.name()).add(label.apply(value)));
        }
        return list.build();
    }
}
