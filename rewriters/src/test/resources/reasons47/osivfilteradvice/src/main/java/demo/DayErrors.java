package demo;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** An unknown day shows the list instead (a view name: Boot's default view resolver renders it by a forward). */
@ControllerAdvice
public class DayErrors {
  @ExceptionHandler(NoSuchDay.class)
  public String noSuchDay() { return "/days"; }
}
