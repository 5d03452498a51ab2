package demo;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DayController {
  /** Test hook: what happens between the argument's load and the handler's read (another request's write). */
  static volatile Runnable afterLoad = () -> {};

  private final DayService days;

  public DayController(DayService days) { this.days = days; }

  /** All days, the chosen one first: Spring Data's DomainClassConverter loads {id} into the request's context. */
  @GetMapping("/days/from/{id}")
  public List<Day> daysFrom(@PathVariable("id") Day first) {
    afterLoad.run();
    return days.getDays();
  }

  @GetMapping("/days")
  public List<Day> days() { return days.getDays(); }

  @PostMapping("/days")
  public Day add(@RequestParam String label) { return days.saveDay(label); }

  @PutMapping("/days/{id}")
  public Day rename(@PathVariable Integer id, @RequestParam String label) { return days.rename(id, label); }
}
