/**
 * Acting on a person's behalf under a mandate (Aidants Connect model): démarche categories and
 * durations, the {@link fr.repere.mandate.Mandate} between the organisation and the person, its
 * autorisations revocable one by one, and its append-only journal.
 */
package fr.repere.mandate;
