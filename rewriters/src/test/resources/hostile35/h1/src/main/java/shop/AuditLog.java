package shop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module;
import org.springframework.stereotype.Component;
@Component
public class AuditLog {
    // its own mapper, not Spring MVC's
    private final ObjectMapper mapper;
    public AuditLog() { this.mapper = new ObjectMapper().registerModule(new Hibernate6Module()); }
    public String write(Object o) throws Exception { return mapper.writeValueAsString(o); }
}
