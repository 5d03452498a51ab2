package demo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A page rendered by Thymeleaf, in place: no forward runs the filters again. */
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
