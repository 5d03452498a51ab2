package d;
import org.springframework.stereotype.Component;
@Component
public class DepartmentMapper {
    public DepartmentDto toDto(Department department) {
        return new DepartmentDto(department.getId(), department.getTitle(), department.getNote());
    }
}
