package fr.repere.caf.apiparticulier;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Identities of the staging fixtures and adapters on the stub, shared by the adapter's tests. */
final class Cases {

    static final Instant NOW = Instant.parse("2025-11-24T10:15:30Z");

    private Cases() {
    }

    /** Identity of a fixture case, e.g. DESFOUIN René (429 on both endpoints). */
    static CivilStatus person(String endpoint, String file) {
        return Fixtures.named(endpoint, file).civilStatus().orElseThrow();
    }

    /** MARTIN Samuel: 200, beneficiary, on both endpoints. */
    static CivilStatus martinSamuel() {
        return person(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, "200_beneficiaire_majoration.yaml");
    }

    /** DUBOCHE Jérôme: 404 "dossier absent" (37003) on both endpoints. */
    static CivilStatus nobody() {
        return person(ApiParticulierClient.PRIME_ACTIVITE, "404.yaml");
    }

    static ApiParticulierCafData cafData(ApiParticulierStub stub, Duration timeout) {
        return cafData(stub.baseUri(), ApiParticulierStub.TOKEN, timeout);
    }

    static ApiParticulierCafData cafData(URI base, String token, Duration timeout) {
        return new ApiParticulierCafData(new ApiParticulierClient(base, token, ApiParticulierStub.RECIPIENT, timeout),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The calls told by a lookup. */
    static final class Calls implements Consumer<String> {
        private final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void accept(String call) {
            told.add(call);
        }

        List<String> told() {
            return List.copyOf(told);
        }
    }

    static CafLookup.Unavailable unavailable(CafLookup lookup) {
        if (lookup instanceof CafLookup.Unavailable unavailable) {
            return unavailable;
        }
        throw new AssertionError("Unavailable expected, got " + lookup);
    }
}
