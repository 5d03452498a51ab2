package dev.optkit.analyzers.source;

/**
 * An entry of a scanned tree that the scan passed over, and why: a warning of the assessment, never a silent skip
 * (issue 66 item 9). Nothing here blocks or aborts a scan: nothing skipped is opened.
 *
 * @param path where it is, relative to the scan's root, forward slashes; a name that is not valid in the file
 *     names' encoding is shown with its bytes escaped ({@code %FF}), never lossily
 */
public record SkippedEntry(String path, Why why) {

  /** Why an entry was passed over; each says it to the user. */
  public enum Why {
    UNREADABLE("an entry optkit cannot read (a folder without read permission, an I/O error): not analysed"),
    NOT_A_FILE("not a regular file (a FIFO, a device or a socket), never opened: not analysed"),
    PATH_TOO_LONG("a path longer than the system's limit (PATH_MAX): not analysed"),
    LINKED_FOLDER("a symbolic link to a folder, which optkit does not follow (it may lead out of the project, or "
        + "back into it in a loop): its files are not analysed"),
    LINK_LOOP("a symbolic link that leads to itself in a loop: not followed"),
    UNDECODABLE_NAME("a file name that is not valid in the file names' encoding (shown with its bytes escaped); "
        + "analysed, but reports show it with replacement characters");

    private final String says;

    Why(String says) {
      this.says = says;
    }

    /** What the warning says. */
    public String says() {
      return says;
    }
  }
}
