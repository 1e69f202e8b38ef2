package org.citycase.sla;

/**
 * A calendar file that cannot be used. The message names the file, the line and the offending text, e.g.
 * {@code working-calendar.txt line 17: periods 11:00-13:00 and 12:00-18:00 overlap}.
 */
public class CalendarFileException extends RuntimeException {

    private final int lineNumber;

    /**
     * Creates the exception.
     *
     * @param fileName   name of the file as shown to the administrator
     * @param lineNumber 1-based line of the problem, or 0 when the problem is the file as a whole
     * @param problem    what is wrong, quoting the offending text
     */
    public CalendarFileException(String fileName, int lineNumber, String problem) {
        super(lineNumber > 0 ? fileName + " line " + lineNumber + ": " + problem : fileName + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line of the problem, or 0 when the problem is the file as a whole. */
    public int lineNumber() {
        return lineNumber;
    }
}
