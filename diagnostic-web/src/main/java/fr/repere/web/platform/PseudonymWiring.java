package fr.repere.web.platform;

import fr.repere.journal.DossierPseudonym;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/**
 * The keyed hash made with the pseudonym secret ({@code repere.pseudonym-secret}): the journal's
 * name for a dossier, and the keys under which the login's protections keep addresses and e-mails.
 */
@ApplicationScoped
public class PseudonymWiring {

    @Inject
    @ConfigProperty(name = "repere.pseudonym-secret")
    private String secret;

    @Produces
    @Singleton
    DossierPseudonym pseudonyms() {
        return new DossierPseudonym(secret.getBytes(StandardCharsets.UTF_8));
    }
}
