package fr.repere.caf;

/**
 * What the orientation rules read from the CAF / MSA file of a person, and nothing more: whether
 * she receives the RSA and the prime d'activité. No name, no address, no household, no quotient
 * familial, no dates (data minimisation, RGPD art. 5-1-c): no rule reads them.
 *
 * @param rsa           receives the revenu de solidarité active now
 * @param primeActivite receives the prime d'activité now
 */
public record CafSituation(boolean rsa, boolean primeActivite) {

    /**
     * RSA and prime d'activité beneficiaries must declare their resources online every quarter
     * (déclaration trimestrielle de ressources): a strong reason to check their digital autonomy.
     */
    public boolean hasQuarterlyDeclarations() {
        return rsa || primeActivite;
    }
}
