package fr.repere.web.platform;

import fr.repere.infrastructure.StatementCounter;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/** Starts a request's statement count, when statements are counted (tests only, see {@link StatementCounting}). */
@WebListener
public class StatementCountReset implements ServletRequestListener {

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (StatementCounter.installed()) {
            StatementCounter.reset();
            RoundTrips.reset();
        }
    }
}
