package fr.repere.host;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticRepository;
import fr.repere.identity.HostCredential;
import fr.repere.identity.OrganisationDirectory;
import fr.repere.identity.Team;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.mandate.MandateRepository;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralId;
import fr.repere.referral.ReferralRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The referrals and mandates a host reads with its key, by the links of its events: only those of
 * a team the key may read (of its organisation, or of its restriction); any other is absent, as if
 * it did not exist.
 */
@ApplicationScoped
public class HostRecordReading {

    /** A referral and the case reference of its diagnostic (for the journal), null when it has none. */
    public record ReferralRead(Referral referral, String caseRef) {
    }

    private OrganisationDirectory organisations;
    private ReferralRepository referrals;
    private MandateRepository mandates;
    private DiagnosticRepository diagnostics;

    /** For CDI's proxy. */
    protected HostRecordReading() {
    }

    @Inject
    public HostRecordReading(OrganisationDirectory organisations, ReferralRepository referrals, MandateRepository mandates,
                             DiagnosticRepository diagnostics) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.mandates = Objects.requireNonNull(mandates, "mandates");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** @param restriction the teams the key is restricted to; empty: every team of the organisation */
    public Optional<ReferralRead> referral(String organisation, List<String> restriction, ReferralId id) {
        List<String> readable = readable(organisation, restriction);
        return referrals.find(id).filter(r -> readable.contains(r.team()))
                .map(r -> new ReferralRead(r, diagnostics.find(r.diagnosticId()).map(Diagnostic::caseRef).orElse(null)));
    }

    /** @param restriction the teams the key is restricted to; empty: every team of the organisation */
    public Optional<Mandate> mandate(String organisation, List<String> restriction, MandateId id) {
        List<String> readable = readable(organisation, restriction);
        return mandates.find(id).filter(m -> readable.contains(m.team()));
    }

    private List<String> readable(String organisation, List<String> restriction) {
        return HostCredential.readableAmong(restriction, organisations.teams(organisation).stream().map(Team::id).toList());
    }
}
