package demo;

import java.util.List;
import javax.persistence.EntityManagerFactory;
import javax.servlet.http.HttpServletRequest;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DayController {
  private final DayService days;
  private final EntityManagerFactory emf;

  public DayController(DayService days, EntityManagerFactory emf) {
    this.days = days;
    this.emf = emf;
  }

  @GetMapping("/days")
  public List<Day> days() { return days.getDays(); }

  @PostMapping("/days")
  public Day add(@RequestParam String label) { return days.saveDay(label); }

  @GetMapping("/probe")
  public String probe(HttpServletRequest request) {
    return "filter=" + request.getAttribute("filterInView") + ",handler=" + TransactionSynchronizationManager.hasResource(emf);
  }
}
