/** Scheduled work once per cluster: the jobs' leases, claimed before each run. Depends on no other web package. */
package fr.repere.web.schedule;
