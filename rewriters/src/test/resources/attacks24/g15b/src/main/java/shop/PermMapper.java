package shop;
import org.springframework.stereotype.Component;
@Component
public class PermMapper {
    public String describe(Permission permission) {
        return permission.getName() + ":" + permission.getRoles().size();
    }
}
