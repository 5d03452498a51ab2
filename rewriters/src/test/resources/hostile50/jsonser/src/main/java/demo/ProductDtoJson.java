package demo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import org.springframework.boot.jackson.JsonComponent;
/** Writes a product with a "new" badge among its tags (Boot registers it with Jackson). */
@JsonComponent
public class ProductDtoJson extends JsonSerializer<ProductDto> {
  @Override
  public void serialize(ProductDto value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
    value.tags().add("new");
    gen.writeStartObject();
    gen.writeNumberField("id", value.id());
    gen.writeStringField("name", value.name());
    gen.writeObjectField("tags", value.tags());
    gen.writeEndObject();
  }
}
