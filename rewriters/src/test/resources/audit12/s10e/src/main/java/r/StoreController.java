package r;

import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
public class StoreController {
    private final ApplicationService service;

    public StoreController(ApplicationService service) { this.service = service; }

    @GetMapping("/category/{type}")
    public String list(@PathVariable String type, ModelMap model) {
        model.addAttribute("apps", service.findByCategoryType(type));
        return "home";
    }

    @GetMapping("/app/{id}")
    public String details(@PathVariable Integer id, ModelMap model) {
        model.addAttribute("app", service.findById(id).orElseThrow());
        return "details";
    }
}
