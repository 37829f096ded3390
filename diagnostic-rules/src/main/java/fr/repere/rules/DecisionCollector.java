package fr.repere.rules;

import fr.repere.diagnostic.ActionProposal;
import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.diagnostic.MandateSuggestion;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Reason;
import fr.repere.directory.LieuService;
import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;

import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects what the rows of the decision tables produce for one profile; the tables reach it as
 * the global {@code resultat}. Each method is called by a row's consequence with the row itself
 * ({@code drools.getRule()}): its name becomes the reason's rule and its {@value #EXPLANATION}
 * metadata (the table's explanation column) the reason's text. One instance per evaluation; not
 * thread-safe.
 */
public final class DecisionCollector {

    /** The rule metadata holding a row's explanation (the table's "Explication" column). */
    public static final String EXPLANATION = "explication";
    /** The rule metadata naming the decision a row belongs to (set by each table's code row). */
    public static final String DECISION = "decision";

    private final Situation situation;
    private final List<String> rows = new ArrayList<>(8);
    private final List<PrimaryProposal> primaries = new ArrayList<>(1);
    private final Map<ComplementaryAction, ActionProposal> actions = new EnumMap<>(ComplementaryAction.class);
    private final Map<String, Need> needs = new TreeMap<>();
    private final EnumSet<PriseEnChargeSpecifique> prisesEnCharge = EnumSet.noneOf(PriseEnChargeSpecifique.class);
    private final List<Reason> durations = new ArrayList<>(1);
    private final List<MandateDuration> durationValues = new ArrayList<>(1);
    private final EnumSet<DemarcheCategory> categories = EnumSet.noneOf(DemarcheCategory.class);
    private final Map<String, String> categoryTexts = new TreeMap<>();

    private record Need(LieuService service, boolean accompaniment, String forWhat) {
    }

    public DecisionCollector(Situation situation) {
        this.situation = Objects.requireNonNull(situation, "situation");
    }

    /** Primary orientation table: the row's orientation ("Faire avec"…); returns the fact to insert. */
    public PrimaryProposal orienter(Rule row, String orientation) {
        PrimaryProposal proposal = new PrimaryProposal(Vocabulaire.orientation(orientation), reason(row));
        primaries.add(proposal);
        return proposal;
    }

    /** Complementary actions table: the row's action ("Équipement"…); returns the fact to insert. */
    public ProposedAction proposer(Rule row, String action) {
        ActionProposal proposal = new ActionProposal(Vocabulaire.action(action), reason(row));
        // two rows proposing the same action: keep the first row in name order, for a stable answer
        actions.merge(proposal.action(), proposal,
                (a, b) -> a.reason().rule().compareTo(b.reason().rule()) <= 0 ? a : b);
        return new ProposedAction(proposal);
    }

    /** Directory table: a place where the person is accompanied, adapted to her (prise en charge spécifique). */
    public void besoinAccompagnement(Rule row, String service) {
        need(row, service, true);
    }

    /** Directory table: a place offering equipment or a connection (no specific care required). */
    public void besoinMateriel(Rule row, String service) {
        need(row, service, false);
    }

    /** Directory table: a specific care every place of accompaniment must offer. */
    public void priseEnCharge(Rule row, String priseEnCharge) {
        reason(row);
        prisesEnCharge.add(Vocabulaire.priseEnCharge(priseEnCharge));
    }

    /** Mandate table: the duration row that applies to an orientation "Faire à la place". */
    public void dureeMandat(Rule row, String duree) {
        MandateDuration duration = Vocabulaire.duree(duree);
        durations.add(reason(row));
        durationValues.add(duration);
    }

    /** Mandate table: a démarche category to authorise, or {@value Vocabulaire#CATEGORIE_A_PRECISER}. */
    public void categorieMandat(Rule row, String categorie) {
        Reason reason = reason(row);
        if (!Vocabulaire.CATEGORIE_A_PRECISER.equals(categorie.trim())) {
            categories.add(Vocabulaire.categorie(categorie));
        }
        categoryTexts.put(reason.rule(), reason.text());
    }

    private void need(Rule row, String serviceLabel, boolean accompaniment) {
        LieuService service = Vocabulaire.service(serviceLabel);
        needs.put(row.getName(), new Need(service, accompaniment, reason(row).text()));
    }

    private Reason reason(Rule row) {
        rows.add(row.getName());
        String text = metadata(row, EXPLANATION);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("La ligne " + row.getName() + " n'a pas d'explication");
        }
        return new Reason(row.getName(), Vocabulaire.render(text, situation.getProfile()));
    }

    /**
     * A row's metadata value as written in the table. The kjar build gives it unquoted, a run-time
     * build keeps the DRL quotes: both read the same here.
     */
    public static String metadata(Rule row, String key) {
        Object value = row.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    /** The primary orientation table rows that applied (normally exactly one). */
    List<PrimaryProposal> primaries() {
        return List.copyOf(primaries);
    }

    /** The mandate duration rows that applied (exactly one for "Faire à la place", else none). */
    List<String> durationRows() {
        return durations.stream().map(Reason::rule).toList();
    }

    /** Whether a mandate category row applied. */
    boolean hasMandateCategory() {
        return !categoryTexts.isEmpty();
    }

    /**
     * The decision, after the defensive checks of the tables' contract: exactly one primary
     * orientation, and a mandate (exactly one duration) if and only if it is "Faire à la place".
     *
     * @throws IllegalStateException if the rule base broke its contract for this profile
     */
    public Evaluation finish(String rulesetVersion) {
        List<String> fired = rows.stream().sorted().toList();
        if (primaries.size() != 1) {
            throw new IllegalStateException("orientation rule base " + rulesetVersion + " produced "
                    + primaries.size() + " primary orientations (expected exactly 1) for "
                    + situation.getProfile() + "; rules fired: " + fired);
        }
        PrimaryProposal primary = primaries.get(0);
        MandateSuggestion mandate = mandate(primary.primary(), rulesetVersion, fired);
        OrientationDecision decision = new OrientationDecision(primary.primary(), List.of(primary.reason()),
                List.copyOf(actions.values()), directoryNeeds(), mandate, rulesetVersion);
        return new Evaluation(decision, fired);
    }

    private MandateSuggestion mandate(Orientation primary, String version, List<String> fired) {
        if (primary != Orientation.ON_BEHALF) {
            if (!durations.isEmpty() || !categoryTexts.isEmpty()) {
                throw new IllegalStateException("orientation rule base " + version + " suggested a mandate for "
                        + primary + " (only ON_BEHALF may have one) for " + situation.getProfile() + "; rules fired: " + fired);
            }
            return null;
        }
        if (durations.size() != 1) {
            throw new IllegalStateException("orientation rule base " + version + " produced " + durations.size()
                    + " mandate durations (expected exactly 1 for ON_BEHALF) for " + situation.getProfile()
                    + "; rules fired: " + fired);
        }
        Reason duration = durations.get(0);
        StringBuilder text = new StringBuilder(duration.text());
        categoryTexts.values().forEach(t -> text.append(' ').append(t));
        return new MandateSuggestion(categories, durationValues.get(0), new Reason(duration.rule(), text.toString()));
    }

    private List<DirectoryNeed> directoryNeeds() {
        // one need per service, in row order (orientation rows come first); reasons of a shared service joined
        Map<LieuService, List<Need>> byService = new EnumMap<>(LieuService.class);
        List<LieuService> order = new ArrayList<>();
        for (Need need : needs.values()) {
            byService.computeIfAbsent(need.service(), s -> {
                order.add(s);
                return new ArrayList<>();
            }).add(need);
        }
        List<DirectoryNeed> result = new ArrayList<>(order.size());
        for (LieuService service : order) {
            List<Need> same = byService.get(service);
            boolean accompaniment = same.stream().anyMatch(Need::accompaniment);
            String forWhat = String.join(" ; ", same.stream().map(Need::forWhat).distinct().toList());
            result.add(new DirectoryNeed(service,
                    accompaniment ? prisesEnCharge : EnumSet.noneOf(PriseEnChargeSpecifique.class), forWhat));
        }
        return result;
    }
}
