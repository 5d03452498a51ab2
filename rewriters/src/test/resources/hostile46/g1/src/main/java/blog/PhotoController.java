package blog;

import org.springframework.web.bind.annotation.*;

@RestController
public class PhotoController {
    private final PhotoService service;
    public PhotoController(PhotoService service) { this.service = service; }
    @GetMapping("/photos/{id}") public String title(@PathVariable Long id) { return service.titleOf(id); }
    @PutMapping("/photos/{id}") public void rename(@PathVariable Long id, @RequestBody String title) { service.rename(id, title); }
}
