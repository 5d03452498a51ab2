package shop;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter;
@SpringBootApplication
@Import(OpenEntityManagerInViewFilter.class) // the admin pages render lazy associations
public class App {}
