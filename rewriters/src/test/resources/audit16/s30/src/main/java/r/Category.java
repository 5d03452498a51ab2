package r;

import jakarta.persistence.*;

@Entity
public class Category {
    @Id @GeneratedValue
    private Long id;
    private String name;
    @ManyToOne
    private Category parentCategory;
    public Long getId() { return id; }
    public String getName() { return name; }
    public Category getParentCategory() { return parentCategory; }
}
