package demo;
import javax.persistence.*;
/** A tag: its code is what products store, its label what they show. */
@Entity
@Table(name = "tag")
public class Tag {
  @Id private String code;
  private String label;
  protected Tag() {}
  public Tag(String code, String label) { this.code = code; this.label = label; }
  public String getCode() { return code; }
  public String getLabel() { return label; }
  public void setLabel(String label) { this.label = label; }
}
