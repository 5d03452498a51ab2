package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** Shows the file names as the reader sees them: upper-cased. */
    public String getFirstFileName() {
        if (files.isEmpty()) {
            return null;
        }
        ReceivedFile first = files.get(0);
        first.setOriginalFileName(first.getOriginalFileName().toUpperCase());
        return first.getOriginalFileName();
    }
}
