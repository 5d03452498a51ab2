package demo;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class DayService {
  private final DayRepository days;

  public DayService(DayRepository days) { this.days = days; }

  public List<Day> getDays() { return days.findAll(); }

  public Day saveDay(String label) { return days.save(new Day(label)); }
}
