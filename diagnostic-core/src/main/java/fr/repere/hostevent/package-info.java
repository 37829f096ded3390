/**
 * What a host system (an organisation's case-management software) is told of the changes it may
 * care about: one outbox of thin CloudEvents written in the same transaction as the change
 * ({@link fr.repere.hostevent.HostEvents}), given a publication order after commit by the
 * {@link fr.repere.hostevent.HostEventSequencer}, and read with the host's key through the
 * {@link fr.repere.hostevent.HostEventFeed}.
 */
package fr.repere.hostevent;
