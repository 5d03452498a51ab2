package demo;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Returns a Model: Spring's ModelMethodProcessor runs before @ResponseBody's, so the request's path names a view. */
@RestController
public class LegacyPages {
  @GetMapping("/legacy/days")
  public Model legacyDays(Model model) {
    model.addAttribute("legacy", true);
    return model;
  }
}
