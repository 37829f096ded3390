package fr.repere.ruleset;

/** No ruleset of this version was uploaded. */
public class UnknownRulesetException extends RuntimeException {

    public UnknownRulesetException(String version) {
        super("no ruleset " + version);
    }
}
