package demo;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DayController {
  private final DayService days;

  public DayController(DayService days) {
    this.days = days;
  }

  @GetMapping("/days")
  public List<Day> days() { return days.getDays(); }

  @PostMapping("/days")
  public Day add(@RequestParam String label) { return days.saveDay(label); }
}
