package demo;
import java.util.List;
import javax.persistence.*;
@Entity
@Table(name = "product")
public class Product {
  @Id @GeneratedValue private Long id;
  private String name;
  @Convert(converter = TagLabels.class)
  private List<String> tags;
  protected Product() {}
  public Product(String name, List<String> tags) { this.name = name; this.tags = tags; }
  public Long getId() { return id; }
  public String getName() { return name; }
  public List<String> getTags() { return tags; }
}
