package school;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.persistence.Query;

/** As planning-api's: the native query's text comes from a static builder in another class. */
public class CustomCourseRepositoryImpl implements CustomCourseRepository {
  @PersistenceContext private EntityManager entityManager;

  @Override
  public long countCourses(String search) {
    Query query = entityManager.createNativeQuery(QueryGeneratorUtil.countCoursesQueryGenerator(search != null));
    if (search != null) {
      query.setParameter("search", search);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
