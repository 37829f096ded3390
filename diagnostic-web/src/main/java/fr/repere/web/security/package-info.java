/** Web hygiene and, as it comes, authentication and authorisation. */
package fr.repere.web.security;
