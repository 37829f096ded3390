/** Who uses Repère: organisations, their teams, agents with one role each, and how agents prove who they are. */
package fr.repere.identity;
