package school;

public interface CustomCourseRepository {
  long countCourses(String search);
}
