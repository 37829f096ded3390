/** The directory of places: CSV imports (administrators), places, communes, matching a diagnostic's needs to places, unmet needs. */
package fr.repere.web.api.directory;
