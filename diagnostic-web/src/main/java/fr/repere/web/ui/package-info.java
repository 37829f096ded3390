/** The interview screens: one HTML page with ES modules (src/main/webapp), and the routes that serve it. */
package fr.repere.web.ui;
