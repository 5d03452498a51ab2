package demo;

import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.springframework.stereotype.Service;

@Service
public class LabelQueries {
  @PersistenceContext private EntityManager em;

  /** Live (or archived) day labels: the builder cuts the table's suffix. */
  @SuppressWarnings("unchecked")
  public List<String> labels(boolean archived) {
    return em.createNativeQuery(DaySql.labels(archived)).getResultList();
  }

  /** Live (or archived) day labels: the archive under the live table's alias. */
  @SuppressWarnings("unchecked")
  public List<String> aliased(boolean archived) {
    return em.createNativeQuery(DaySql.aliased(archived)).getResultList();
  }

  /** Control: the same read, no builder choice. */
  @SuppressWarnings("unchecked")
  public List<String> plainLabels() {
    return em.createNativeQuery(DaySql.plainLabels()).getResultList();
  }
}
