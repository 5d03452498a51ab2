package demo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Thymeleaf's core alone (for mail) resolves no view: the default resolver forwards the name (review 49's F3). */
@Controller
public class DayPages {
  private final DayService days;

  public DayPages(DayService days) {
    this.days = days;
  }

  @GetMapping("/pages/days")
  public String days(Model model) {
    model.addAttribute("count", days.getDays().size());
    return "days";
  }
}
