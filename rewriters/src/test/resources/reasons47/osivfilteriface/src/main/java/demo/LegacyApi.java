package demo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The legacy URLs, as an interface (Spring 5.1+ reads mappings on interfaces). */
@RequestMapping("/legacy")
public interface LegacyApi {
  @GetMapping("/days")
  String legacyDays();
}
