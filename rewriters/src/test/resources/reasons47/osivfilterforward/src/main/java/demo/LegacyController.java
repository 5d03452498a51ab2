package demo;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Hostile review 47's H1: the forward runs the filter again while the view's context is bound. */
@Controller
public class LegacyController {
  @GetMapping("/legacy/days")
  public String legacyDays() { return "forward:/days"; }
}
