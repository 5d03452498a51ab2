package demo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a product's tags as their codes in one column ("red,sale") and shows them by their labels. Hibernate
 * creates it through Spring (Boot's SpringBeanContainer), so the JdbcTemplate is injected.
 */
@Converter
public class TagLabels implements AttributeConverter<List<String>, String> {
  private final JdbcTemplate jdbc;
  public TagLabels(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  @Override
  public String convertToDatabaseColumn(List<String> labels) {
    if (labels == null) return null;
    List<String> codes = new ArrayList<>();
    for (String label : labels) {
      codes.add(jdbc.queryForObject("select code from tag where label = ?", String.class, label));
    }
    return String.join(",", codes);
  }

  @Override
  public List<String> convertToEntityAttribute(String codes) {
    if (codes == null || codes.isEmpty()) return List.of();
    List<String> labels = new ArrayList<>();
    for (String code : Arrays.asList(codes.split(","))) {
      labels.add(jdbc.queryForObject("select label from tag where code = ?", String.class, code));
    }
    return labels;
  }
}
