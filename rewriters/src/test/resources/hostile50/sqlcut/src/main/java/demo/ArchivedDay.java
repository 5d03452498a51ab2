package demo;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "days_archive")
public class ArchivedDay {
  @Id private Integer id;
  private String label;

  protected ArchivedDay() {}
  public Integer getId() { return id; }
  public String getLabel() { return label; }
}
