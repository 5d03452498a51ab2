package demo;

import java.io.IOException;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/** Hostile review 47's H3: an open-in-view filter by another name, ahead of the filter that loads the user. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestEntityManagerFilter extends OncePerRequestFilter {
  private final EntityManagerFactory emf;

  public RequestEntityManagerFilter(EntityManagerFactory emf) {
    this.emf = emf;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EntityManager em = emf.createEntityManager();
    TransactionSynchronizationManager.bindResource(emf, new EntityManagerHolder(em));
    try {
      chain.doFilter(request, response);
    } finally {
      TransactionSynchronizationManager.unbindResource(emf);
      em.close();
    }
  }
}
