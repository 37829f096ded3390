package fr.repere.identity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An {@link AgentDirectory} in a list, for tests: e-mails compared case-insensitively, subjects exactly. */
public final class InMemoryAgents implements AgentDirectory {

    public final List<Agent> agents = new ArrayList<>();

    public Agent add(Agent agent) {
        agents.add(agent);
        return agent;
    }

    @Override
    public Optional<Agent> byEmail(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        return agents.stream().filter(a -> a.email().toLowerCase(Locale.ROOT).equals(e)).findFirst();
    }

    @Override
    public Optional<Agent> byId(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Agent> byOidc(String issuer, String subject) {
        return agents.stream().filter(a -> issuer.equals(a.oidcIssuer()) && subject.equals(a.oidcSubject())).findFirst();
    }

    @Override
    public int deactivateDemoAccounts() {
        int n = 0;
        for (Agent a : agents) {
            if (a.demo() && a.active()) {
                a.deactivate();
                n++;
            }
        }
        return n;
    }

    /** A demonstration account (as the seed data makes them: no setter in the domain). */
    public static Agent demo(Agent agent) {
        try {
            Field demo = Agent.class.getDeclaredField("demo");
            demo.setAccessible(true);
            demo.setBoolean(agent, true);
            return agent;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
