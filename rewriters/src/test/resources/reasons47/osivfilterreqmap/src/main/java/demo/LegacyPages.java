package demo;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Old URLs kept working (a bean with a type-level mapping is a handler on Spring 5; its String is a view name). */
@Component
@RequestMapping("/legacy")
public class LegacyPages {
  @GetMapping("/days")
  public String legacyDays() { return "/days"; }
}
