package shop;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
@SpringBootApplication @EnableScheduling @org.springframework.context.annotation.ImportResource("classpath:tasks.xml")
public class App {}
