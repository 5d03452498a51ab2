package demo;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DayService {
  private final DayRepository days;

  public DayService(DayRepository days) { this.days = days; }

  public Day saveDay(String label) { return days.save(new Day(label)); }

  @Transactional
  public Day rename(Integer id, String label) {
    Day day = days.findById(id).orElseThrow();
    day.setLabel(label);
    return days.save(day);
  }
}
