package notes;

import java.util.List;
import java.util.UUID;

public record NoteReadDto(Long id, String title, List<FileInfo> files) {

    /** A view reads the count: no component is changed here. */
    public int getFileSize() {
        if (files == null) {
            return 0;
        }
        return files.size();
    }

    public record FileInfo(UUID id, String name) {}
}
