package demo;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

/** Like planning-api's CustomTimeTableRepositoryImpl.countTimeTable: a native scalar count, no entity. */
@Repository
public class DayCountRepository {
  @PersistenceContext private EntityManager em;

  public long countDays() {
    return ((Number) em.createNativeQuery("select count(*) from days").getSingleResult()).longValue();
  }
}
