package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    /** The names in order. */
    public List<String> getSortedNames() {
        Collections.sort(files(), Comparator.comparing(ReceivedFile::getOriginalFileName));
        return files().stream().map(ReceivedFile::getOriginalFileName).toList();
    }
}
