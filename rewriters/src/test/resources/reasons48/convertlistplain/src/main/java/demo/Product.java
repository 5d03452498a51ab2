package demo;
import javax.persistence.*;
import java.util.List;
@Entity
public class Product {
  @Id @GeneratedValue private Long id;
  @ManyToOne private Category category;
  // one VARCHAR column: an AttributeConverter joins the list with commas
  private List<String> tags;
  public Long getId() { return id; }
}
