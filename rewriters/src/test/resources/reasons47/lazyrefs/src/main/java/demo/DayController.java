package demo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DayController {
  private final DayLookup lookup;

  public DayController(DayLookup lookup) { this.lookup = lookup; }

  @GetMapping("/a/{id}") public String a(@PathVariable Integer id) { return lookup.byIdReference(id).getLabel(); }
  @GetMapping("/b/{l}") public String b(@PathVariable String l) { return lookup.byLabelReference(l).getLabel(); }
  @GetMapping("/c/{id}") public String c(@PathVariable Integer id) { return lookup.previousOf(id).getLabel(); }
  @GetMapping("/d/{id}") public String d(@PathVariable Integer id) { return lookup.viaHelper(id).getLabel(); }
  @GetMapping("/e/{id}") public String e(@PathVariable Integer id) { return lookup.sessionLoad(id).getLabel(); }
  @GetMapping("/f/{id}") public String f(@PathVariable Integer id) { return lookup.referenceById(id).get().getLabel(); }
  @GetMapping("/g/{id}") public String g(@PathVariable Integer id) { return lookup.derived(id).getLabel(); }
  @GetMapping("/exists/{id}") public boolean exists(@PathVariable Integer id) { return lookup.byIdReference(id) != null; }
  @GetMapping("/has-previous/{id}") public boolean hasPrevious(@PathVariable Integer id) { return lookup.previousOf(id) != null; }
  @GetMapping("/h/{id}") public String h(@PathVariable Integer id) { return lookup.found(id).getLabel(); }
}
