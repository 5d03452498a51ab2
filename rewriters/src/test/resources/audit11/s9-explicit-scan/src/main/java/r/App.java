package r;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

// One context: the explicit scan lists all three bean packages (as in PutosForks/logistic LogisticApplication).
@SpringBootApplication
@ComponentScan({"r.controller", "r.service", "r.mapper"})
@EntityScan("r.entity")
@EnableJpaRepositories("r.repository")
public class App {
    public static void main(String[] args) { SpringApplication.run(App.class, args); }
}
