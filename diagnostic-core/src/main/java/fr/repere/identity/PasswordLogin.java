package fr.repere.identity;

import java.util.Optional;

/**
 * The built-in login's check of an e-mail's agent and a password. Every outcome costs one password
 * check at the same cost: when there is no agent to log in (unknown address, deactivated account,
 * demonstration account switched off, no password), the password is checked against
 * {@link Passwords#DUMMY_HASH}, so the time taken does not tell which accounts exist; and the
 * caller answers every refusal alike.
 */
public final class PasswordLogin {

    private final PasswordHasher hasher;
    private final boolean demoAccountsAllowed;

    public PasswordLogin(PasswordHasher hasher, boolean demoAccountsAllowed) {
        this.hasher = hasher;
        this.demoAccountsAllowed = demoAccountsAllowed;
    }

    /** @param found the agent of the typed e-mail address, if any */
    public Optional<Agent> authenticate(Optional<Agent> found, char[] password) {
        Agent candidate = found.filter(Agent::active)
                .filter(a -> !a.demo() || demoAccountsAllowed)
                .filter(a -> Passwords.cost(a.passwordHash()) > 0)
                .orElse(null);
        boolean matches = hasher.matches(password, candidate == null ? Passwords.DUMMY_HASH : candidate.passwordHash());
        return matches && candidate != null ? Optional.of(candidate) : Optional.empty();
    }
}
