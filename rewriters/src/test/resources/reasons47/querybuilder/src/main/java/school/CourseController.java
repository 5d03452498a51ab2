package school;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CourseController {
  private final CourseService courses;

  public CourseController(CourseService courses) { this.courses = courses; }

  @GetMapping("/courses/count")
  public String count(@RequestParam(required = false) String search) {
    return courses.countCourses(search) + " of " + courses.count();
  }

  @GetMapping("/courses/{id}")
  public Course course(@PathVariable int id) { return courses.getCourse(id); }

  @PostMapping("/courses")
  public Course add(@RequestParam String title) { return courses.saveCourse(title); }
}
