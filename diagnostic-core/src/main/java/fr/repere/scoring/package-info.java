/** Turns an answer sheet into a score, a level and a confidence per dimension. */
package fr.repere.scoring;
