package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** The attachments a reader sees: drops the ones whose upload never finished. */
    public int visibleCount() {
        files().removeIf(file -> file.getOriginalFileName() == null);
        return files().size();
    }
}
