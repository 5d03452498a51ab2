package notes;

import org.springframework.stereotype.Component;

@Component
public class NoteMapper {
    public NoteReadDto mapForRead(Note note) {
        return note == null ? null : new NoteReadDto(note.getId(), note.getTitle(), note.getAttachedFiles());
    }
}
