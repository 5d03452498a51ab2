package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** Serialised as "page": the attachments the list view shows. */
    public Page getPage() { return new Page(); }

    public class Page {
        public int getShown() {
            if (files.size() > 3) {
                files.subList(3, files.size()).clear();
            }
            return files.size();
        }
    }
}
