package fr.repere.diagnostic;

import fr.repere.directory.LieuService;
import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.scoring.ScoreCard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.repere.diagnostic.ComplementaryAction.BANK_ACCOUNT;
import static fr.repere.diagnostic.ComplementaryAction.EQUIPMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Diagnostic proposed() {
        OrientationDecision proposal = new OrientationDecision(Orientation.ON_BEHALF,
                List.of(new Reason("P01", "démarche urgente")),
                List.of(new ActionProposal(EQUIPMENT, new Reason("A01", "pas d'appareil")),
                        new ActionProposal(BANK_ACCOUNT, new Reason("A02", "pas de compte"))),
                List.of(new DirectoryNeed(LieuService.AIDE_DEMARCHES, Set.of(PriseEnChargeSpecifique.ILLETTRISME), "démarches")),
                new MandateSuggestion(Set.of(DemarcheCategory.SOCIAL), MandateDuration.ONE_MONTH, new Reason("M01", "CAF")),
                "1.0.0");
        return Diagnostic.record(DiagnosticId.next(), "team-1", "C", "0.1", AnswerSheet.of(Map.of()),
                new ScoreCard(Map.of(), Set.of()), proposal, NOW);
    }

    @Test
    void theProposalIsKeptWhole() {
        Diagnostic d = proposed();
        OrientationDecision p = d.proposal();
        assertEquals(Orientation.ON_BEHALF, p.primary());
        assertEquals(List.of(EQUIPMENT, BANK_ACCOUNT), p.actions().stream().map(ActionProposal::action).toList());
        assertEquals(Set.of(PriseEnChargeSpecifique.ILLETTRISME), p.needs().get(0).priseEnCharge());
        assertEquals(Set.of(DemarcheCategory.SOCIAL), p.mandateSuggestion().orElseThrow().categories());
        assertTrue(d.decision().isEmpty());
    }

    @Test
    void aDossierBelongsToItsTeamOnly() {
        Diagnostic d = proposed();
        assertTrue(d.belongsTo("team-1"));
        assertFalse(d.belongsTo("team-2"));
        assertFalse(d.belongsTo(null));
    }

    @Test
    void acceptingNeedsNoReason() {
        Diagnostic d = proposed();
        WorkerDecision w = d.decide(Orientation.ON_BEHALF, Set.of(BANK_ACCOUNT, EQUIPMENT), null, NOW);
        assertFalse(w.overridden());
        assertNull(w.reason());
    }

    @Test
    void anotherOrientationOrOtherActionsNeedAReason() {
        Diagnostic d = proposed();
        assertThrows(OverrideWithoutReasonException.class, () -> d.decide(Orientation.MEDIATOR, Set.of(EQUIPMENT, BANK_ACCOUNT), null, NOW));
        assertThrows(OverrideWithoutReasonException.class, () -> d.decide(Orientation.ON_BEHALF, Set.of(EQUIPMENT), "  ", NOW));
        assertThrows(OverrideWithoutReasonException.class, () -> d.decide(Orientation.ON_BEHALF, Set.of(), null, NOW));
        assertTrue(d.decision().isEmpty(), "a refused decision leaves nothing");

        WorkerDecision w = d.decide(Orientation.MEDIATOR, Set.of(EQUIPMENT), " la personne préfère être accompagnée ", NOW);
        assertTrue(w.overridden());
        assertEquals("la personne préfère être accompagnée", w.reason());
        assertEquals(Orientation.ON_BEHALF, d.proposal().primary(), "the proposal does not change");
        assertEquals(Set.of(EQUIPMENT), d.decision().orElseThrow().actions());
    }
}
