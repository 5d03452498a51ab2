package school;

public class QueryGeneratorUtil {
  public static String countCoursesQueryGenerator(boolean search) {
    String query = "select count(course.id) from course " + (search ? "where title like concat('%', :search, '%') and " : "");
    int lastAndIndex = query.lastIndexOf("and ");
    return lastAndIndex == -1 ? query : query.substring(0, lastAndIndex);
  }
}
