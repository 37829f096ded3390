package fr.repere.directory;

/**
 * One problem of an imported file, as the administrator reads it: the line of the file (1 is the
 * header), the column, the value found (shortened) and what is wrong, in French.
 */
public record ImportProblem(int line, String field, String value, String message) {

    static final int MAX_VALUE = 120;

    public ImportProblem {
        value = value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
    }
}
