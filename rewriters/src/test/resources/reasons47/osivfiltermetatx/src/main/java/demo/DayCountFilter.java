package demo;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Counts the days for the /days API, in one read-only unit of work for the request. */
@Component
public class DayCountFilter implements Filter {
  /** Test hook: what happens between the filter's load and the handler (another request's committed write). */
  static volatile Runnable afterLoad = () -> {};

  private final DayRepository days;

  public DayCountFilter(DayRepository days) { this.days = days; }

  @Override
  @ReadOnlyRequest
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (((HttpServletRequest) request).getRequestURI().startsWith("/days")) {
      request.setAttribute("dayCount", days.findAll().size());
      afterLoad.run();
    }
    chain.doFilter(request, response);
  }
}
