/** Referrals (orientations) of a person to a real place, Dora's statuses, their history, the reminder and the expiry. */
package fr.repere.referral;
