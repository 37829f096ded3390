package fr.repere.caf.apiparticulier;

import fr.repere.caf.CafData;
import fr.repere.caf.CafLookup;
import fr.repere.caf.CafLookup.Failure;
import fr.repere.caf.CafSituation;
import fr.repere.caf.CivilStatus;
import fr.repere.caf.apiparticulier.ApiParticulierClient.LocalRateLimitException;
import fr.repere.caf.apiparticulier.ApiParticulierClient.Reply;
import fr.repere.caf.apiparticulier.ReplyMeaning.Answered;
import fr.repere.caf.apiparticulier.ReplyMeaning.Failed;
import fr.repere.caf.apiparticulier.ReplyMeaning.NoFile;
import fr.repere.caf.apiparticulier.ReplyMeaning.Part;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * {@link CafData} on API Particulier v3: asks only what the rules read, the RSA, then the prime
 * d'activité (never the quotient familial).
 *
 * <ul>
 *   <li>No file on both ({@code ReplyMeaning.NO_FILE_CODES}): {@link CafLookup.NotFound}. An answer on
 *       one and no file on the other: {@link CafLookup.Found}, "not a beneficiary" for the one
 *       without file.</li>
 *   <li>Any failure: {@link CafLookup.Unavailable} at once (the next call is not made), of the
 *       {@link Failure} kind given by {@code ReplyMeaning} for a reply, and here for no reply:
 *       time-out (headers or body past the deadline) or network error → PROVIDER_DOWN, body over
 *       1 MiB → UNEXPECTED, Repère's own rate limit → RATE_LIMITED, an interrupted thread or a
 *       crash → INTERNAL.</li>
 * </ul>
 * Each request is told to {@code calls} as {@code "<endpoint> <status>"}, or {@code délai},
 * {@code réseau}, {@code limite}, {@code taille}. Reasons and log lines are Repère's own short
 * wording (status, error code, exception class names): never the identity, never the provider's
 * text. Never throws for a remote failure; only a null argument is refused.
 */
public final class ApiParticulierCafData implements CafData {

    private static final System.Logger LOG = System.getLogger(ApiParticulierCafData.class.getName());

    private final ApiParticulierClient client;
    private final Clock clock;

    public ApiParticulierCafData(ApiParticulierClient client) {
        this(client, Clock.systemUTC());
    }

    ApiParticulierCafData(ApiParticulierClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CafLookup lookup(CivilStatus person, Consumer<String> calls) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(calls, "calls");
        try {
            Part rsa = call("RSA", "revenu_solidarite_active", calls, () -> client.revenuSolidariteActive(person));
            if (rsa instanceof Failed failed) {
                return logged(failed.unavailable());
            }
            Part prime = call("prime d'activité", "prime_activite", calls, () -> client.primeActivite(person));
            if (prime instanceof Failed failed) {
                return logged(failed.unavailable());
            }
            if (rsa instanceof NoFile && prime instanceof NoFile) {
                return new CafLookup.NotFound();
            }
            return new CafLookup.Found(new CafSituation(
                    rsa instanceof Answered a && a.beneficiary(), prime instanceof Answered a && a.beneficiary()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "CAF lookup failed inside Repère: " + causes(e));
            return new CafLookup.Unavailable(Failure.INTERNAL, "erreur interne lors de l'interrogation d'API Particulier", null);
        }
    }

    private Part call(String what, String endpoint, Consumer<String> calls, Call call) {
        Reply reply;
        try {
            reply = call.send();
        } catch (BoundedBody.TooLargeException e) {
            calls.accept(endpoint + " taille");
            return ReplyMeaning.failed(Failure.UNEXPECTED, "réponse trop volumineuse d'API Particulier (" + what + ")", null);
        } catch (HttpTimeoutException e) {
            calls.accept(endpoint + " délai");
            return ReplyMeaning.failed(Failure.PROVIDER_DOWN, "API Particulier n'a pas répondu dans le délai de "
                    + client.timeout().toMillis() + " ms (" + what + ")", null);
        } catch (IOException e) {
            calls.accept(endpoint + " réseau");
            LOG.log(System.Logger.Level.WARNING, "API Particulier " + endpoint + ": no answer, " + causes(e));
            return ReplyMeaning.failed(Failure.PROVIDER_DOWN,
                    "API Particulier injoignable (" + e.getClass().getSimpleName() + ", " + what + ")", null);
        } catch (LocalRateLimitException e) {
            calls.accept(endpoint + " limite");
            return ReplyMeaning.failed(Failure.RATE_LIMITED, "limite de " + ApiParticulierClient.REQUESTS_PER_SECOND
                    + " requêtes par seconde atteinte côté Repère (" + what + ")", e.retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReplyMeaning.failed(Failure.INTERNAL, "interrogation d'API Particulier interrompue (" + what + ")", null);
        }
        Instant receivedAt = clock.instant();
        calls.accept(endpoint + " " + reply.status());
        return ReplyMeaning.of(what, reply, receivedAt);
    }

    private static CafLookup.Unavailable logged(CafLookup.Unavailable unavailable) {
        LOG.log(System.Logger.Level.WARNING, "CAF data unavailable (" + unavailable.failure() + "): " + unavailable.reason());
        return unavailable;
    }

    /** Class names of an exception and its causes, never their messages (they may quote data). */
    static String causes(Throwable e) {
        StringJoiner names = new StringJoiner(" < ");
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause() == t ? null : t.getCause(), depth++) {
            names.add(t.getClass().getName());
        }
        return names.toString();
    }

    @FunctionalInterface
    private interface Call {
        Reply send() throws IOException, InterruptedException, LocalRateLimitException;
    }
}
