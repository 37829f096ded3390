package fr.repere.web.platform;

import fr.repere.caf.CafData;
import fr.repere.caf.CafLookup;
import fr.repere.caf.apiparticulier.ApiParticulierCafData;
import fr.repere.caf.apiparticulier.ApiParticulierClient;
import fr.repere.web.api.caf.CafSettings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The CAF partner behind core's {@link CafData} port: API Particulier when the installation set
 * a token, else a source that says the consultation is not enabled (the resource refuses before
 * it is ever asked).
 */
@ApplicationScoped
public class CafWiring {

    @Produces
    @ApplicationScoped
    CafData cafData(CafSettings settings) {
        return settings.connection()
                .<CafData>map(c -> new ApiParticulierCafData(new ApiParticulierClient(c.base(), c.token(), c.recipient(), c.timeout())))
                .orElse((person, calls) -> new CafLookup.Unavailable(CafLookup.Failure.CONFIGURATION,
                        "consultation CAF non activée dans cette installation", null));
    }
}
