package fr.repere.diagnostic;

import fr.repere.questionnaire.Dimension;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;

import java.util.Set;

/**
 * The facts the rule base reasons on: the level of each dimension and the context flags.
 * A plain bean with getters, because rule engines read facts through bean accessors.
 */
public final class Profile {

    private final Level access;
    private final Level skills;
    private final Level motivation;
    private final Level banking;
    private final Set<String> flags;

    public Profile(Level access, Level skills, Level motivation, Level banking, Set<String> flags) {
        this.access = access;
        this.skills = skills;
        this.motivation = motivation;
        this.banking = banking;
        this.flags = Set.copyOf(flags);
    }

    public static Profile of(ScoreCard card) {
        return new Profile(card.of(Dimension.ACCESS).level(), card.of(Dimension.SKILLS).level(),
                card.of(Dimension.MOTIVATION).level(), card.of(Dimension.BANKING).level(), card.flags());
    }

    /**
     * This profile with facts learnt elsewhere than from the answers (e.g. the CAF says the person
     * has quarterly declarations to make): the rule base reads them like the questionnaire's flags.
     */
    public Profile withContext(Set<String> contextFlags) {
        if (contextFlags.isEmpty()) {
            return this;
        }
        Set<String> all = new java.util.HashSet<>(flags);
        all.addAll(contextFlags);
        return new Profile(access, skills, motivation, banking, all);
    }

    public Level getAccess() {
        return access;
    }

    public Level getSkills() {
        return skills;
    }

    public Level getMotivation() {
        return motivation;
    }

    public Level getBanking() {
        return banking;
    }

    public Set<String> getFlags() {
        return flags;
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    @Override
    public String toString() {
        return "Profile[access=" + access + ", skills=" + skills + ", motivation=" + motivation
                + ", banking=" + banking + ", flags=" + flags + "]";
    }
}
