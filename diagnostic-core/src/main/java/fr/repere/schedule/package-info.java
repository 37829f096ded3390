/** Scheduled work run once per cluster: a lease per job and period, claimed in the database. */
package fr.repere.schedule;
