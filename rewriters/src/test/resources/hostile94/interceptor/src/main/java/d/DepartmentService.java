package d;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
@Transactional
public class DepartmentService {
    private final DepartmentRepository departmentRepository;
    private final EmployeeRepository employeeRepository;
    private final DepartmentMapper mapper;
    public DepartmentService(DepartmentRepository departmentRepository, EmployeeRepository employeeRepository,
            DepartmentMapper mapper) {
        this.departmentRepository = departmentRepository;
        this.employeeRepository = employeeRepository;
        this.mapper = mapper;
    }

    public List<DepartmentDto> getAllSubordinateDepartments(Long id) {
        Department department = departmentRepository.findById(id).orElseThrow();
        List<Department> subDepartments = new ArrayList<>();
        DepartmentIterator departmentIterator = new DepartmentIterator(department);
        while (departmentIterator.hasNext()) {
            subDepartments.add(departmentIterator.next());
        }
        List<DepartmentDto> dtos = new ArrayList<>();
        for (Department dep : subDepartments) {
            dtos.add(mapper.toDto(dep));
        }
        return dtos;
    }

    public DepartmentDto getDepartmentByTitle(String title) {
        return mapper.toDto(departmentRepository.findByTitle(title).orElseThrow(() -> new IllegalArgumentException(title)));
    }
    public void lookup(String title, StringBuilder out) {
        out.append(mapper.toDto(departmentRepository.findByTitle(title).orElseThrow(() -> new IllegalArgumentException(title))));
    }

    public List<String> getEmployeeNames(Long id) {
        Department department = departmentRepository.findById(id).orElseThrow();
        List<String> names = new ArrayList<>();
        department.getEmployees().forEach(employee -> names.add(employee.getName()));
        return names;
    }

    public void setNote(Long id, String note) {
        departmentRepository.findById(id).orElseThrow().setNote(note);
    }

    public void rename(Long id, String title) {
        departmentRepository.findById(id).orElseThrow().setTitle(title);
    }

    public void moveEmployee(Long employeeId, Long departmentId) {
        Employee employee = employeeRepository.findById(employeeId).orElseThrow();
        employee.setDepartment(departmentRepository.findById(departmentId).orElseThrow());
        employeeRepository.save(employee);
    }

    public void moveAllEmployees(Long fromId, Long toId) {
        Department from = departmentRepository.findById(fromId).orElseThrow();
        from.getEmployees().forEach(employee -> moveEmployee(employee.getId(), toId));
    }

    private static class DepartmentIterator implements Iterator<Department> {
        Department nextDepartment;
        Queue<Department> queue = new LinkedList<>();
        DepartmentIterator(Department department) {
            queue.addAll(department.getSubDepartment());
        }
        @Override public boolean hasNext() { return !queue.isEmpty(); }
        @Override public Department next() {
            nextDepartment = queue.poll();
            if (nextDepartment.getSubDepartment() != null) {
                queue.addAll(nextDepartment.getSubDepartment());
            }
            return nextDepartment;
        }
    }
}
