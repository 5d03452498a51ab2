package blog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PhotoService {
    private final PhotoRepository photoRepository;
    public PhotoService(PhotoRepository photoRepository) { this.photoRepository = photoRepository; }

    public PagedResponse<PhotoResponse> getAllPhotos(int page, int size) {
        AppUtils.validatePageNumberAndSize(page, size);
        Pageable pageable = PageRequest.of(page, size, Sort.Direction.DESC, "id");
        Page<Photo> photos = photoRepository.findAll(pageable);
        List<PhotoResponse> responses = new ArrayList<>(photos.getContent().size());
        for (Photo photo : photos.getContent()) {
            responses.add(new PhotoResponse(photo.getId(), photo.getTitle(), photo.getUrl()));
        }
        return new PagedResponse<>(responses, photos.getNumber(), photos.getSize(), photos.getTotalElements());
    }

    public String titleOf(Long id) {
        return photoRepository.findById(id).map(Photo::getTitle).orElse(null);
    }

    @Transactional
    public void rename(Long id, String title) {
        photoRepository.findById(id).orElseThrow().setTitle(title);
    }
}
