package shop;
import org.springframework.stereotype.Component;
@Component
public class RoleMapper {
    public String describe(Role role) {
        return role.getName() + ":" + role.getPermissions().size();
    }
}
