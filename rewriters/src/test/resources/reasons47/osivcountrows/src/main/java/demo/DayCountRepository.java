package demo;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

/** Counts by loading every day: the rows become managed instances of the request's persistence context. */
@Repository
public class DayCountRepository {
  @PersistenceContext private EntityManager em;

  public long countDays() {
    return em.createQuery("select d from Day d", Day.class).getResultList().size();
  }
}
