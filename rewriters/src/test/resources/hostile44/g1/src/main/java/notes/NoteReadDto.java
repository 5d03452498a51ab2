package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** The attachments a reader sees: drops the ones whose upload never finished. */
    public int getVisibleCount() {
        for (Iterator<ReceivedFile> it = files.iterator(); it.hasNext(); ) {
            if (it.next().getOriginalFileName() == null) {
                it.remove();
            }
        }
        return files.size();
    }
}
