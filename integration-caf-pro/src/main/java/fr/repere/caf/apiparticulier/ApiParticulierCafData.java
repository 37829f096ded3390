package fr.repere.caf.apiparticulier;

import fr.repere.caf.CafData;
import fr.repere.caf.CafLookup;
import fr.repere.caf.CafSituation;
import fr.repere.caf.CafSituation.Benefit;
import fr.repere.caf.CafSituation.QuotientFamilial;
import fr.repere.caf.CivilStatus;
import fr.repere.caf.apiparticulier.ApiParticulierClient.LocalRateLimitException;
import fr.repere.caf.apiparticulier.ApiParticulierClient.Reply;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.ApiError;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.MalformedPayloadException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CafData} on API Particulier v3: quotient familial, then RSA, then prime d'activité.
 *
 * <ul>
 *   <li>404 on a call: that source has no file for the person. 404 on all three: {@link CafLookup.NotFound}.
 *       Otherwise {@link CafLookup.Found}, with no quotient familial when that call said 404 and
 *       "not a beneficiary" for a benefit whose call said 404 (no file, no entitlement).</li>
 *   <li>429, 5xx, time-out, network error, unreadable 200, refused token, refused parameters, any other
 *       status: {@link CafLookup.Unavailable} at once (the remaining calls are not made), with the wait
 *       asked by the API ({@code Retry-After}, {@code RateLimit-Reset} or {@code meta.retry_in}) when given.</li>
 * </ul>
 * Never throws for a remote failure; only a null {@code person} is refused.
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
    public CafLookup lookup(CivilStatus person, YearMonth period) {
        return lookup(person, period, call -> { });
    }

    @Override
    public CafLookup lookup(CivilStatus person, YearMonth period, java.util.function.Consumer<String> calls) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(calls, "calls");
        try {
            Part<QuotientFamilial> qf = call("quotient familial", "quotient_familial", calls,
                    () -> client.quotientFamilial(person, period), ApiParticulierMapper::quotientFamilial);
            if (qf instanceof Failed<QuotientFamilial> failed) {
                return failed.unavailable();
            }
            Part<Benefit> rsa = call("RSA", "revenu_solidarite_active", calls, () -> client.revenuSolidariteActive(person), ApiParticulierMapper::benefit);
            if (rsa instanceof Failed<Benefit> failed) {
                return failed.unavailable();
            }
            Part<Benefit> prime = call("prime d'activité", "prime_activite", calls, () -> client.primeActivite(person), ApiParticulierMapper::benefit);
            if (prime instanceof Failed<Benefit> failed) {
                return failed.unavailable();
            }
            if (qf instanceof Absent && rsa instanceof Absent && prime instanceof Absent) {
                return new CafLookup.NotFound();
            }
            return new CafLookup.Found(new CafSituation(
                    qf instanceof Present<QuotientFamilial> p ? p.value() : null,
                    rsa instanceof Present<Benefit> p ? p.value() : Benefit.NONE,
                    prime instanceof Present<Benefit> p ? p.value() : Benefit.NONE));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "CAF lookup failed unexpectedly: " + e.getClass().getName());
            return unavailable("erreur interne lors de l'interrogation d'API Particulier", null);
        }
    }

    private <T> Part<T> call(String what, String endpoint, java.util.function.Consumer<String> calls, Call call,
                             Translation<T> translation) {
        Reply reply;
        try {
            reply = call.send();
            calls.accept(endpoint + " " + reply.status());
        } catch (HttpTimeoutException e) {
            calls.accept(endpoint + " délai");
            return failedTransiently("API Particulier n'a pas répondu dans le délai de "
                    + client.timeout().toMillis() + " ms (" + what + ")");
        } catch (IOException e) {
            calls.accept(endpoint + " réseau");
            return failedTransiently("API Particulier injoignable (" + e.getClass().getSimpleName() + ", " + what + ")");
        } catch (LocalRateLimitException e) {
            calls.accept(endpoint + " limite");
            return failed("limite de " + ApiParticulierClient.REQUESTS_PER_SECOND
                    + " requêtes par seconde atteinte côté Repère (" + what + ")", e.retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrogation d'API Particulier interrompue (" + what + ")", null);
        }
        int status = reply.status();
        if (status == 200) {
            try {
                return new Present<>(translation.translate(reply.body()));
            } catch (MalformedPayloadException e) {
                LOG.log(System.Logger.Level.WARNING, "API Particulier " + what + ": unreadable 200 answer: " + e.getMessage());
                return failed("réponse illisible d'API Particulier (" + what + ")", null);
            }
        }
        if (status == 404) {
            return new Absent<>();
        }
        Optional<ApiError> error = ApiParticulierMapper.firstError(reply.body());
        Duration retryAfter = ApiParticulierClient.retryAfter(reply.headers(), clock.instant());
        if (retryAfter == null) {
            retryAfter = error.map(ApiError::retryIn).orElse(null);
        }
        String detail = "HTTP " + status + error.map(e -> ", erreur " + e.code()
                + (e.title() == null ? "" : " : " + e.title())).orElse("") + ", " + what;
        String reason = switch (status) {
            case 429 -> "trop de requêtes vers API Particulier (" + detail + ")";
            case 401 -> "jeton API Particulier refusé (" + detail + ")";
            case 403 -> "habilitation API Particulier insuffisante (" + detail + ")";
            case 400, 422 -> "identité refusée par API Particulier (" + detail + ")";
            case 409 -> "requête identique déjà en cours chez API Particulier (" + detail + ")";
            default -> status >= 500
                    ? "API Particulier ou son fournisseur indisponible (" + detail + ")"
                    : "réponse inattendue d'API Particulier (" + detail + ")";
        };
        boolean transientFailure = retryAfter == null && (status == 502 || status == 503 || status == 504);
        return transientFailure ? failedTransiently(reason) : failed(reason, retryAfter);
    }

    /** A time-out, a network error or a gateway error: asking again soon may work. */
    private static <T> Failed<T> failedTransiently(String reason) {
        LOG.log(System.Logger.Level.WARNING, "CAF data unavailable (transient): " + reason);
        return new Failed<>(new CafLookup.Unavailable(reason, null, true));
    }

    private static <T> Failed<T> failed(String reason, Duration retryAfter) {
        return new Failed<>(unavailable(reason, retryAfter));
    }

    private static CafLookup.Unavailable unavailable(String reason, Duration retryAfter) {
        LOG.log(System.Logger.Level.WARNING, "CAF data unavailable: " + reason);
        return new CafLookup.Unavailable(reason, retryAfter);
    }

    @FunctionalInterface
    private interface Call {
        Reply send() throws IOException, InterruptedException, LocalRateLimitException;
    }

    @FunctionalInterface
    private interface Translation<T> {
        T translate(String body) throws MalformedPayloadException;
    }

    /** Outcome of one of the three calls. */
    private sealed interface Part<T> {
    }

    private record Present<T>(T value) implements Part<T> {
    }

    private record Absent<T>() implements Part<T> {
    }

    private record Failed<T>(CafLookup.Unavailable unavailable) implements Part<T> {
    }
}
