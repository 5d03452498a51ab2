package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** At most three attachments are shown. */
    public int getShownCount() {
        if (files.size() > 3) {
            files.subList(3, files.size()).clear();
        }
        return files.size();
    }
}
