package demo;

import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.Id;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

@Entity
@Table(name = "days")
public class Day {
  @Id @GeneratedValue private Integer id;
  private String label;
  @ManyToOne(fetch = FetchType.LAZY) private Day previous;

  protected Day() {}
  public Day(String label) { this.label = label; }
  public Integer getId() { return id; }
  public String getLabel() { return label; }
  public void setLabel(String label) { this.label = label; }
  public Day getPrevious() { return previous; }
  public void setPrevious(Day previous) { this.previous = previous; }
}
