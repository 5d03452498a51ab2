package shop;
import java.lang.annotation.*;
import org.springframework.boot.test.context.SpringBootTest;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface IntegrationTest {}
