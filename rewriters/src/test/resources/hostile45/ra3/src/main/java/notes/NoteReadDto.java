package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** The list view shows the first three attachments only. */
    public NoteReadDto(Long id, String title, List<ReceivedFile> files) {
        if (files.size() > 3) {
            files.subList(3, files.size()).clear();
        }
        this.id = id;
        this.title = title;
        this.files = files;
    }
}
