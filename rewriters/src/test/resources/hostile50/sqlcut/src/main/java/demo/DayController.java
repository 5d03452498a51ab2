package demo;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DayController {
  private final LabelQueries labels;
  private final DayService days;

  public DayController(LabelQueries labels, DayService days) {
    this.labels = labels;
    this.days = days;
  }

  @GetMapping("/labels")
  public List<String> labels(@RequestParam(defaultValue = "false") boolean archived) { return labels.labels(archived); }

  @GetMapping("/labels/aliased")
  public List<String> aliased(@RequestParam(defaultValue = "false") boolean archived) { return labels.aliased(archived); }

  @GetMapping("/labels/plain")
  public List<String> plain() { return labels.plainLabels(); }

  @PostMapping("/days")
  public Day add(@RequestParam String label) { return days.saveDay(label); }

  @PostMapping("/days/rename")
  public Day rename(@RequestParam Integer id, @RequestParam String label) { return days.rename(id, label); }
}
