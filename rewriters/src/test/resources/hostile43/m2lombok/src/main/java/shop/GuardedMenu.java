package shop;
import jakarta.persistence.*;
@Entity
@DiscriminatorValue("guarded")
public class GuardedMenu extends Menu {
    @Override public Integer getRoleCount() { return roles.size(); }
}
