package r;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication public class App { public static void main(String[] a) { org.springframework.boot.SpringApplication.run(App.class, a); } }
