package notes;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
public class NoteMapper {
    public NoteReadDto mapForRead(Note note) {
        if (note == null) {
            return null;
        }
        List<NoteReadDto.FileInfo> files = new ArrayList<>(note.getAttachedFiles().size());
        for (ReceivedFile file : note.getAttachedFiles()) {
            files.add(new NoteReadDto.FileInfo(file.getFileId(), file.getOriginalFileName()));
        }
        return new NoteReadDto(note.getId(), note.getTitle(), files);
    }
}
