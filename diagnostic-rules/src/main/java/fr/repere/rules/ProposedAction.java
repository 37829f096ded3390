package fr.repere.rules;

import fr.repere.diagnostic.ActionProposal;

import java.util.Objects;

/**
 * Fact inserted by a row of the complementary actions table, so that the directory table can
 * match on it through {@link #getAction()}, the French cell value ("Équipement").
 */
public record ProposedAction(ActionProposal proposal) {

    public ProposedAction {
        Objects.requireNonNull(proposal, "proposal");
    }

    public String getAction() {
        return Vocabulaire.actionLabel(proposal.action());
    }
}
