/** Acting on a person's behalf under a mandate (Aidants Connect model): démarche categories and durations. */
package fr.repere.mandate;
