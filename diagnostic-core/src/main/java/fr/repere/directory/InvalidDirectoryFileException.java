package fr.repere.directory;

import java.io.IOException;

/** A file that cannot be read as a directory in the national format; the message says why, in French. */
public class InvalidDirectoryFileException extends IOException {

    private final int line;

    public InvalidDirectoryFileException(String message) {
        this(message, 1);
    }

    public InvalidDirectoryFileException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
