package fr.repere.diagnostic;

/** A complementary action the rule base proposes, with its reason. */
public record ActionProposal(ComplementaryAction action, Reason reason) {
}
