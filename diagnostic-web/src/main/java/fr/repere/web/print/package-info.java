/** Printable documents for the person (referral slip, mandate attestation): server-rendered French HTML with an A4 print stylesheet. */
package fr.repere.web.print;
