package r;
import jakarta.persistence.*;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
@Entity
@FilterDef(name = "active", parameters = @ParamDef(name = "a", type = Boolean.class))
@Filter(name = "active", condition = "active = :a")
public class Item { @Id Long id; String name; boolean active; public String getName(){return name;} public void setName(String n){name=n;} }
