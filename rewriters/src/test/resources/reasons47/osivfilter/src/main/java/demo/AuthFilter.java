package demo;

import java.io.IOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Like planning-api's JwtFilter: a servlet filter loading the caller's user on every request. */
@Component
public class AuthFilter extends OncePerRequestFilter {
  private final UserService users;

  public AuthFilter(UserService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String code = request.getHeader("X-User");
    if (code != null) {
      request.setAttribute("user", users.getUserByCode(code).getCode());
    }
    chain.doFilter(request, response);
  }
}
