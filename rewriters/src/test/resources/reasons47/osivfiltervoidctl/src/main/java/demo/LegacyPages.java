package demo;

import java.io.IOException;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Writes a plain-text answer itself: no view. */
@Controller
public class LegacyPages {
  @GetMapping("/legacy/ping")
  public void ping(HttpServletResponse response) throws IOException {
    response.setContentType("text/plain");
    response.getWriter().write("pong");
  }
}
