package school;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "course")
public class Course {
  @Id @GeneratedValue private Integer id;
  private String title;

  protected Course() {}
  public Course(String title) { this.title = title; }
  public Integer getId() { return id; }
  public String getTitle() { return title; }
}
