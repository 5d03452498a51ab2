package notes;

import java.util.List;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {

    /** Empties the list it was given: the note's own attachments. */
    public int dropFiles() {
        int dropped = files.size();
        files.clear();
        return dropped;
    }
}
