package fr.repere.web.retention;

import fr.repere.dossier.RetentionPeriod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention periods, from MicroProfile Config ({@code repere.retention.dossier-months},
 * default 24; {@code repere.retention.journal-months}, default 12; environment variables
 * {@code REPERE_RETENTION_DOSSIER_MONTHS}, {@code REPERE_RETENTION_JOURNAL_MONTHS}). A value out of
 * bounds throws with a message naming the setting: read at start-up, it stops the deployment.
 */
@ApplicationScoped
public class RetentionSettings {

    @Inject
    @ConfigProperty(name = "repere.retention.dossier-months", defaultValue = "24")
    private int dossierMonths;

    @Inject
    @ConfigProperty(name = "repere.retention.journal-months", defaultValue = "12")
    private int journalMonths;

    public RetentionPeriod dossiers() {
        return RetentionPeriod.dossiers(dossierMonths);
    }

    public RetentionPeriod journal() {
        return RetentionPeriod.journal(journalMonths);
    }
}
