package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** The list view shows the first three attachments only (Jackson calls this accessor). */
    @Override
    public List<ReceivedFile> files() {
        if (files.size() > 3) {
            files.subList(3, files.size()).clear();
        }
        return files;
    }
}
