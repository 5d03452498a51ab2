package repro.one;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PlaceController {
    private final PlaceService placeService;

    public PlaceController(PlaceService placeService) { this.placeService = placeService; }

    @GetMapping("/places")
    public List<Place> getAll() { return placeService.getAll(); }

    @PostMapping("/places")
    public void create(@RequestParam String name) { placeService.save(name); }
}
