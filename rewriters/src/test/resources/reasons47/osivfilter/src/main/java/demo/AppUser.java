package demo;

import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.Id;
import javax.persistence.ManyToOne;

/** A user entity that reaches Day (a lazy association), as planning-api's Master reaches Day through TimeTableBell. */
@Entity
public class AppUser {
  @Id @GeneratedValue private Integer id;
  private String code;
  @ManyToOne(fetch = FetchType.LAZY) private Day favouriteDay;

  protected AppUser() {}
  public AppUser(String code) { this.code = code; }
  public String getCode() { return code; }
}
