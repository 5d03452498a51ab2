package shop;
import jakarta.persistence.*;
@Entity public class Account {
  @Id Long id; String name;
  String[] tags = new String[0];
  public Account() {}
  public Account(Long id, String name, String... tags) { this.id = id; this.name = name; this.tags = tags; }
  public Long getId(){return id;} public String getName(){return name;} public String[] getTags(){return tags;}
}
