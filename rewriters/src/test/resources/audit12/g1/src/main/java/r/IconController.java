package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class IconController {
    private final IconService iconService;

    public IconController(IconService iconService) { this.iconService = iconService; }

    @GetMapping("/icons")
    public List<String> names() { return iconService.names(); }
}
