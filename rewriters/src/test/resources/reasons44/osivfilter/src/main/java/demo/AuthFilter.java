package demo;

import java.io.IOException;
import javax.persistence.EntityManagerFactory;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/** Like planning-api's JwtFilter: a servlet filter loading the caller's user on every request. */
@Component
public class AuthFilter extends OncePerRequestFilter {
  private final UserService users;
  private final EntityManagerFactory emf;

  public AuthFilter(UserService users, EntityManagerFactory emf) {
    this.users = users;
    this.emf = emf;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String code = request.getHeader("X-User");
    if (code != null) {
      users.getUserByCode(code);
    }
    // whether the request's open-session-in-view EntityManager is bound while the filter runs
    request.setAttribute("filterInView", TransactionSynchronizationManager.hasResource(emf));
    chain.doFilter(request, response);
  }
}
