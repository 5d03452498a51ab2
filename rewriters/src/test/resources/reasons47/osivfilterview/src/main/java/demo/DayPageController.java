package demo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/** A REST controller returning a ModelAndView still renders a view, which may forward. */
@RestController
public class DayPageController {
  @GetMapping("/days/view")
  public ModelAndView page() { return new ModelAndView("days"); }
}
