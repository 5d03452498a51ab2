package blog;

import org.springframework.web.bind.annotation.*;

@RestController
public class PhotoController {
    private final PhotoService service;
    public PhotoController(PhotoService service) { this.service = service; }

    @GetMapping("/photos")
    public PagedResponse<PhotoResponse> all(@RequestParam int page, @RequestParam int size) {
        return service.getAllPhotos(page, size);
    }

    @PutMapping("/photos/{id}") public void rename(@PathVariable Long id, @RequestBody String title) { service.rename(id, title); }
}
