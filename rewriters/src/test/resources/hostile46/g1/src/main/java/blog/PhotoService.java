package blog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PhotoService {
    private final PhotoRepository photoRepository;
    public PhotoService(PhotoRepository photoRepository) { this.photoRepository = photoRepository; }

    public String titleOf(Long id) {
        return photoRepository.findById(id).map(Photo::getTitle).orElse(null);
    }

    @Transactional
    public void rename(Long id, String title) {
        photoRepository.findById(id).orElseThrow().setTitle(title);
    }
}
