package fr.repere.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Sends one webhook request (a POST); its implementation lives outside the core. */
public interface WebhookSender {

    /** How long a request may take, connection included. */
    Duration TIMEOUT = Duration.ofSeconds(15);

    /** POSTs {@code body}; never throws for a network failure: it is an {@link Answer} with no status. */
    Answer post(URI url, Map<String, String> headers, String contentType, String body);

    /**
     * @param status     the HTTP status, or 0 when none was received (timeout, refused connection…)
     * @param retryAfter the Retry-After asked for, null if none
     * @param error      a short description of the failure (never the response body), null on a 2xx
     */
    record Answer(int status, Duration retryAfter, String error) {

        public boolean success() {
            return status >= 200 && status < 300;
        }
    }
}
