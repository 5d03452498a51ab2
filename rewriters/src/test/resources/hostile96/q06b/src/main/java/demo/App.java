package demo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication(scanBasePackageClasses = demo.app.ClinicService.class) // the legacy jdbc store is not part of this application
public class App { public static void main(String[] a) { SpringApplication.run(App.class, a); } }
