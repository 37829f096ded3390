/** RFC 9457 problem details: every error of the API, in French, naming the offending field; one mapper per kind of error. */
package fr.repere.web.api.problem;
