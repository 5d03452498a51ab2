package demo;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class DayService {
  private final DayRepository days;
  private final DayCountRepository counts;

  public DayService(DayRepository days, DayCountRepository counts) {
    this.days = days;
    this.counts = counts;
  }

  public long countDays() { return counts.countDays(); }

  public List<Day> getDays() { return days.findAll(); }

  public Day saveDay(String label) { return days.save(new Day(label)); }
}
