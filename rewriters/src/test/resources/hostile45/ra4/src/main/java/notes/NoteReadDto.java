package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) {
    @Override
    public int hashCode() {
        if (files.size() > 3) files.subList(3, files.size()).clear();
        return Objects.hash(id, title);
    }
}
