package school;

/** The twin: the builder's text is a write, run through the same createNativeQuery. */
public class QueryGeneratorUtil {
  public static String countCoursesQueryGenerator(boolean search) {
    return "delete from course where title like " + (search ? "concat('%', :search, '%')" : "'%'");
  }
}
