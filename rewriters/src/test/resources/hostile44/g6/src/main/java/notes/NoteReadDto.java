package notes;

import java.util.*;

public record NoteReadDto(Long id, String title, List<ReceivedFile> files) implements HasFiles {

}
