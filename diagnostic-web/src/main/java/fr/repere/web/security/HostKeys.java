package fr.repere.web.security;

import fr.repere.identity.OrganisationAdministration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Recognises a host system's key (a refused key is counted by {@link HostKeyFilter}). */
@ApplicationScoped
public class HostKeys {

    @Inject
    private OrganisationAdministration administration;

    @Transactional
    public Optional<HostSystem> recognise(String key) {
        return administration.recogniseHostKey(key)
                .map(c -> new HostSystem(c.id(), c.organisation(), c.label(), c.teams()));
    }
}
