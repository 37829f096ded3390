/**
 * File formats of the statistics exports: the XLSX workbook (streamed with SXSSF, native charts)
 * and the CSV that French spreadsheet users open with a double click. They only lay out what
 * disclosure control has already published: a suppressed cell has no count to leak.
 */
package fr.repere.statistics.export;
