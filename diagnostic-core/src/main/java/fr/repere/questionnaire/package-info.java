/** The standard questionnaire as versioned data: questions, options, skip logic, and the checks an answer sheet must pass. */
package fr.repere.questionnaire;
