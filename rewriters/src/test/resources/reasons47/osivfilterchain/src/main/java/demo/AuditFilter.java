package demo;

import java.io.IOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Runs the rest of the request through a service of the project, which may hold a transaction around it. */
@Component
public class AuditFilter extends OncePerRequestFilter {
  private final Audit audit;

  public AuditFilter(Audit audit) {
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
    audit.around(() -> {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
