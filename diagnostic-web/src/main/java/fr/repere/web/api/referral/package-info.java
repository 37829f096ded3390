/** Referrals through the API: make one from a diagnostic, record the place's answer, print the slip; the reminder and expiry jobs. */
package fr.repere.web.api.referral;
