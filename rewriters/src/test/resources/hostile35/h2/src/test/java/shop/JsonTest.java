package shop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module;
public class JsonTest {
    void writesOwner() throws Exception {
        new ObjectMapper().registerModule(new Hibernate6Module()).writeValueAsString(new Owner(1L, "a"));
    }
}
