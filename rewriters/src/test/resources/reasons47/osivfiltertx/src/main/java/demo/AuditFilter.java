package demo;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hostile review 48's H3: one read-only transaction around the whole request, whose EntityManager open-in-view joins. */
@Component
public class AuditFilter implements Filter {
  @Override
  @Transactional(readOnly = true)
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
  }
}
