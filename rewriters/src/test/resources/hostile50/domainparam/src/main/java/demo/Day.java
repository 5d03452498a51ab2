package demo;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "days")
public class Day {
  @Id @GeneratedValue private Integer id;
  private String label;

  protected Day() {}
  public Day(String label) { this.label = label; }
  public Integer getId() { return id; }
  public String getLabel() { return label; }
  public void setLabel(String label) { this.label = label; }
}
