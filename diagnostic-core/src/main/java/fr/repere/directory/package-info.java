/** Places of digital mediation, in the national "lieux de médiation numérique" schema, and what to look for in them. */
package fr.repere.directory;
