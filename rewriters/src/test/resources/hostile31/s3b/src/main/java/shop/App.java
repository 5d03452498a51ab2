package shop;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication @org.springframework.scheduling.annotation.EnableScheduling @org.springframework.scheduling.annotation.EnableAsync
public class App {}
