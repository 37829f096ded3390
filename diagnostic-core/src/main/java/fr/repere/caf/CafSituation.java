package fr.repere.caf;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What the orientation rules need to know from the CAF / MSA file of a person, and nothing more:
 * no name, no address, no household members (data minimisation, RGPD art. 5-1-c).
 *
 * @param quotientFamilial the quotient familial of the period asked, {@code null} when the source
 *                         has none for that period while it does know the person
 * @param rsa              revenu de solidarité active
 * @param primeActivite    prime d'activité
 */
public record CafSituation(QuotientFamilial quotientFamilial, Benefit rsa, Benefit primeActivite) {

    public CafSituation {
        Objects.requireNonNull(rsa, "rsa");
        Objects.requireNonNull(primeActivite, "primeActivite");
    }

    /**
     * RSA and prime d'activité beneficiaries must declare their resources online every quarter
     * (déclaration trimestrielle de ressources): a strong reason to check their digital autonomy.
     */
    public boolean hasQuarterlyDeclarations() {
        return rsa.beneficiary() || primeActivite.beneficiary();
    }

    /** Which body computed the quotient familial. */
    public enum Provider { CNAF, MSA }

    /**
     * @param value    quotient familial in euros, as computed by the provider
     * @param provider CNAF or MSA
     * @param period   month the quotient familial applies to (the effective month, not the month of computation)
     */
    public record QuotientFamilial(int value, Provider provider, YearMonth period) {
        public QuotientFamilial {
            if (value < 0) {
                throw new IllegalArgumentException("a quotient familial is never negative");
            }
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(period, "period");
        }
    }

    /**
     * Entitlement to one benefit at the time of the lookup.
     *
     * @param beneficiary whether the person receives it now
     * @param since       start of the entitlement; may be unknown ({@code null}) even for a beneficiary,
     *                    always {@code null} for a non-beneficiary
     */
    public record Benefit(boolean beneficiary, LocalDate since) {

        public static final Benefit NONE = new Benefit(false, null);

        public Benefit {
            if (!beneficiary && since != null) {
                throw new IllegalArgumentException("a non-beneficiary has no entitlement start date");
            }
        }

        public static Benefit since(LocalDate start) {
            return new Benefit(true, start);
        }
    }
}
