package demo;

import org.springframework.stereotype.Component;

/** Old URLs kept working: a bean whose interface has a type-level @RequestMapping is a handler on Spring 5. */
@Component
public class LegacyPages implements LegacyApi {
  @Override
  public String legacyDays() { return "/days"; }
}
