package r;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class App {
    public static void main(String[] args) { SpringApplication.run(App.class, args); }

    // Boot registers every Module bean with its ObjectMapper: uninitialised lazy associations serialise as null.
    @Bean
    Module hibernateModule() { return new Hibernate6Module(); }
}
