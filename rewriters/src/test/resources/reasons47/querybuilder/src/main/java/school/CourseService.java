package school;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class CourseService {
  private final CourseRepository courses;

  public CourseService(CourseRepository courses) { this.courses = courses; }

  public long count() { return courses.count(); }

  public long countCourses(String search) { return courses.countCourses(search); }

  public Course getCourse(int id) { return courses.getById(id); }

  public Course saveCourse(String title) { return courses.save(new Course(title)); }
}
