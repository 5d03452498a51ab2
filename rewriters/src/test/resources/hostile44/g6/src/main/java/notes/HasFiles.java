package notes;

import java.util.List;

public interface HasFiles {
    List<ReceivedFile> files();

    /** At most three attachments are shown. */
    default int getShownCount() {
        while (files().size() > 3) {
            files().remove(3);
        }
        return files().size();
    }
}
