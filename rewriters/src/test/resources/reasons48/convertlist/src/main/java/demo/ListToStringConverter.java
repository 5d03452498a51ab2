package demo;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;
import java.util.Arrays;
import java.util.List;
@Converter
public class ListToStringConverter implements AttributeConverter<List<String>, String> {
  public String convertToDatabaseColumn(List<String> list) { return list == null ? null : String.join(",", list); }
  public List<String> convertToEntityAttribute(String s) { return s == null ? null : Arrays.asList(s.split(",")); }
}
