package fr.repere.web.security.oidc;

import fr.repere.identity.ProviderAccounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Transaction boundary of finding the Repère agent of a provider account ({@link ProviderAccounts},
 * in the core): known by issuer and subject once linked, the first time by its work e-mail address,
 * and then linked to it.
 */
@ApplicationScoped
public class OidcAccounts {

    @Inject
    private ProviderAccounts accounts;

    @Transactional
    public ProviderAccounts.Match find(AuthenticatedAgent account, boolean demoAccountsAllowed) {
        return accounts.find(account.issuer(), account.subject(), account.email(), demoAccountsAllowed);
    }
}
