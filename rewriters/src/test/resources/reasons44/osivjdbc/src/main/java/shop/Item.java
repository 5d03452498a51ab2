package shop;

import jakarta.persistence.*;
import org.hibernate.annotations.Formula;

@Entity
public class Item {
    @Id @GeneratedValue Long id;
    String name;
    boolean active;
    /** SQL of its own: the tables the read touches are not all known. */
    @Formula("(select count(*) from item_view v where v.item_id = id)")
    int views;
    public Long getId() { return id; }
    public String getName() { return name; }
    public int getViews() { return views; }
}
